package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebSettingsTest {
    @Test
    void withPort_changesThePortOnly() {
        WebSettings web = new WebSettings("127.0.0.1", 5000, "secret-key", 3, 40);

        assertThat(web.withPort(8080)).isEqualTo(new WebSettings("127.0.0.1", 8080, "secret-key", 3, 40));
    }

    @Test
    void withPort_checksThePortAsTheConstructorDoes() {
        assertThatThrownBy(() -> WebSettings.defaults().withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
