package dev.onair.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrowserOriginTest {
    @Test
    void loopbackHosts_areMatchedAsText_neverResolved() {
        assertThat(BrowserOrigin.isLoopbackHost("localhost:8080")).isTrue();
        assertThat(BrowserOrigin.isLoopbackHost("LOCALHOST")).isTrue();
        assertThat(BrowserOrigin.isLoopbackHost("127.0.0.1:5000")).isTrue();
        assertThat(BrowserOrigin.isLoopbackHost("127.1.2.3")).isTrue();
        assertThat(BrowserOrigin.isLoopbackHost("[::1]:5000")).isTrue();
        assertThat(BrowserOrigin.isLoopbackHost("dash.localhost:5000")).isTrue();

        assertThat(BrowserOrigin.isLoopbackHost("evil.example")).isFalse();
        assertThat(BrowserOrigin.isLoopbackHost("evil.example:5000")).isFalse();
        assertThat(BrowserOrigin.isLoopbackHost("127.0.0.1.evil.example")).isFalse();
        assertThat(BrowserOrigin.isLoopbackHost("localhost.evil.example")).isFalse();
        assertThat(BrowserOrigin.isLoopbackHost("127.0.0.256")).isFalse();
        assertThat(BrowserOrigin.isLoopbackHost("user@localhost")).isFalse();
        assertThat(BrowserOrigin.isLoopbackHost("")).isFalse();
        assertThat(BrowserOrigin.isLoopbackHost(null)).isFalse();
    }

    @Test
    void origin_mustBeTheServerItself_orAbsent() {
        assertThat(BrowserOrigin.isSameOrigin(null, "127.0.0.1:8080")).isTrue();
        assertThat(BrowserOrigin.isSameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080"))
                .isTrue();
        assertThat(BrowserOrigin.isSameOrigin("http://LocalHost", "localhost:80"))
                .isTrue();
        assertThat(BrowserOrigin.isSameOrigin("https://pi.local", "pi.local")).isTrue();

        assertThat(BrowserOrigin.isSameOrigin("http://evil.example", "127.0.0.1:8080"))
                .isFalse();
        assertThat(BrowserOrigin.isSameOrigin("http://127.0.0.1:9999", "127.0.0.1:8080"))
                .isFalse();
        assertThat(BrowserOrigin.isSameOrigin("null", "127.0.0.1:8080")).isFalse();
        assertThat(BrowserOrigin.isSameOrigin("file://", "127.0.0.1:8080")).isFalse();
        assertThat(BrowserOrigin.isSameOrigin("http://127.0.0.1:8080", null)).isFalse();
    }
}
