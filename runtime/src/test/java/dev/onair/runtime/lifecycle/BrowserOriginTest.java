package dev.onair.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserOriginTest {
    /** Loopback hosts are matched as text, never resolved. */
    @ParameterizedTest
    @ValueSource(
            strings = {"localhost:8080", "LOCALHOST", "127.0.0.1:5000", "127.1.2.3", "[::1]:5000", "dash.localhost:5000"
            })
    void loopbackHost_isRecognised(String host) {
        assertThat(BrowserOrigin.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "evil.example",
                "evil.example:5000",
                "127.0.0.1.evil.example",
                "localhost.evil.example",
                "127.0.0.256",
                "user@localhost"
            })
    void otherHost_isNotLoopback_evenWhenItNamesOne(String host) {
        assertThat(BrowserOrigin.isLoopbackHost(host)).isFalse();
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
