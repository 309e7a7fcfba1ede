package dev.onair.runtime.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerAddressTest {
    @Test
    void parse_acceptsTheThreeForms() {
        assertThat(BrokerAddress.parse("pi.local")).isEqualTo(new BrokerAddress("pi.local", 8883, true));
        assertThat(BrokerAddress.parse("pi.local:9883")).isEqualTo(new BrokerAddress("pi.local", 9883, true));
        assertThat(BrokerAddress.parse("mqtts://10.0.0.5")).isEqualTo(new BrokerAddress("10.0.0.5", 8883, true));
        assertThat(BrokerAddress.parse("mqtt://localhost")).isEqualTo(new BrokerAddress("localhost", 1883, false));
        assertThat(BrokerAddress.parse("mqtt://localhost:2883")).isEqualTo(new BrokerAddress("localhost", 2883, false));
        assertThat(BrokerAddress.parse("mqtts://[::1]:8883")).isEqualTo(new BrokerAddress("::1", 8883, true));
    }

    @Test
    void toString_isAUrlThatParsesBack() {
        for (String url : new String[] {"mqtts://pi.local:8883", "mqtt://127.0.0.1:1883", "mqtts://[::1]:8883"}) {
            assertThat(BrokerAddress.parse(url).toString()).isEqualTo(url);
        }
    }

    @Test
    void parse_rejectsWithAHelpfulMessage() {
        assertThatThrownBy(() -> BrokerAddress.parse("http://pi.local")).hasMessageContaining("scheme 'http'");
        assertThatThrownBy(() -> BrokerAddress.parse("mqtts://pi.local/x")).hasMessageContaining("path");
        assertThatThrownBy(() -> BrokerAddress.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> BrokerAddress.parse("mqtts://pi.local:99999")).hasMessageContaining("99999");
    }

    @Test
    void settings_toString_neverShowsThePassword() {
        BrokerSettings s = new BrokerSettings(BrokerAddress.parse("pi"), null, null, "alice", "s3cret-pw");
        assertThat(s.toString()).doesNotContain("s3cret-pw").contains("alice");
    }
}
