package dev.onair.broker.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.onair.testsupport.OutsideTool;
import java.net.InetAddress;
import java.util.Optional;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.junit.jupiter.api.Test;

/** The advertisement is visible to a real mDNS browser on the same network interface. */
class MdnsAdvertiserIT {
    private static final String FINGERPRINT = "ab".repeat(32);

    @Test
    void advertises_secureMqtt_withCaFingerprintTxt_onARealInterface() throws Exception {
        Optional<InetAddress> address = MdnsAdvertiser.pickAddress();
        OutsideTool.require(address.isPresent(), "no multicast-capable non-loopback interface on this machine");
        assertThat(address.get().isLoopbackAddress()).isFalse();

        MdnsAdvertiser advertiser =
                new MdnsAdvertiser("OnAir test " + ProcessHandle.current().pid(), 18883, FINGERPRINT);
        advertiser.start();
        try (JmDNS browser = JmDNS.create(address.get(), "onair-test-browser")) {
            ServiceInfo[] found = browser.list(MdnsAdvertiser.SERVICE_TYPE, 6000);

            assertThat(found).anySatisfy(info -> {
                assertThat(info.getName())
                        .isEqualTo("OnAir test " + ProcessHandle.current().pid());
                assertThat(info.getPort()).isEqualTo(18883);
                assertThat(info.getPropertyString("ca_sha256")).isEqualTo(FINGERPRINT);
            });
        } finally {
            advertiser.stop();
        }
    }

    @Test
    void stop_withoutStart_isHarmless() {
        assertThatCode(() -> new MdnsAdvertiser("never started", 8883, FINGERPRINT).stop())
                .doesNotThrowAnyException();
    }
}
