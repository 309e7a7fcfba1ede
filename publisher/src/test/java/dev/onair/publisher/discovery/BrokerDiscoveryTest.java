package dev.onair.publisher.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.publisher.discovery.BrokerDiscovery.Advert;
import dev.onair.runtime.mqtt.BrokerAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerDiscoveryTest {
    private static final String TRUSTED = "ab".repeat(32);
    private static final String STRANGER = "cd".repeat(32);

    @Test
    void choose_acceptsOnlyTheBrokerWhoseCaIsTrusted() {
        BrokerDiscovery discovery = new BrokerDiscovery(Set.of("AB:".repeat(31) + "AB"));
        List<Advert> adverts = List.of(
                new Advert("evil", "evil.invalid.", List.of("192.0.2.66"), 8883, STRANGER),
                new Advert("no txt", "nobody.invalid.", List.of("192.0.2.67"), 8883, null),
                new Advert("pi", "pi.invalid.", List.of("192.0.2.10"), 8883, TRUSTED));

        assertThat(discovery.choose(adverts)).contains(new BrokerAddress("192.0.2.10", 8883, true));
    }

    @Test
    void choose_nothingTrusted_isEmpty() {
        BrokerDiscovery discovery = new BrokerDiscovery(Set.of(TRUSTED));
        assertThat(discovery.choose(List.of(new Advert("evil", "x.invalid.", List.of("192.0.2.1"), 8883, STRANGER))))
                .isEmpty();
    }

    @Test
    void choose_prefersTheAdvertisedHostNameWhenItResolves() {
        BrokerDiscovery discovery = new BrokerDiscovery(Set.of(TRUSTED));
        assertThat(discovery.choose(List.of(new Advert("pi", "localhost.", List.of("192.0.2.10"), 8884, TRUSTED))))
                .contains(new BrokerAddress("localhost", 8884, true));
    }
}
