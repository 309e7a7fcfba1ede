package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.publisher.PublisherConfig;
import dev.onair.publisher.PublisherNode;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: the network between a publisher and the broker is cut for 30 s by a proxy the test controls (see
 * {@link TcpProxy} for what a cut does to each side). During the cut the person's availability is {@code offline}
 * (the publisher's will, retained); the publisher sees a change meanwhile; within 2 s of the network healing the
 * broker holds the new presence and {@code online}.
 */
class NetworkCutIT {
    private static final Duration CUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @TempDir
    Path dir;

    private PublisherNode publisher;
    private TcpProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (publisher != null) {
            publisher.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void cut30s_availabilityOfflineDuringCut_presenceConvergesWithin2sOfHealing() throws Exception {
        broker.addUser("carol", Role.PUBLISHER);
        broker.addUser("viewer", Role.VIEWER);
        proxy = TcpProxy.start(broker.tlsPort());
        BrokerSettings direct = broker.settings("carol");
        BrokerSettings viaProxy = new BrokerSettings(
                new BrokerAddress("localhost", proxy.port(), true), direct.caFile(), null, "carol", direct.password());
        TeamsLog log = TeamsLog.create(dir.resolve("teams"), "Available");
        publisher = new PublisherNode(PublisherConfig.teamsLogs("carol", viaProxy, log.folder()));
        publisher.start();
        awaitRetained("available", "online", Duration.ofSeconds(30));

        long cutAt = System.nanoTime();
        proxy.cut();
        log.append("Busy");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(publisher.current().status().wire()).isEqualTo("busy"));
        awaitRetained("available", "offline", CUT.minusSeconds(5));

        // A viewer subscribed before the heal sees the publisher's messages as they arrive, without a connection of
        // its own to set up inside the 2 s.
        try (TestClient live = TestClient.connect(broker.settings("viewer"), "viewer-live")) {
            live.subscribe("onair/person/carol/#");
            Thread.sleep(Math.max(0, CUT.toMillis() - (System.nanoTime() - cutAt) / 1_000_000));
            proxy.heal();

            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> {
                        assertThat(last(live, "onair/person/carol/availability"))
                                .isEqualTo("online");
                        assertThat(last(live, "onair/person/carol/presence")).contains("\"status\":\"busy\"");
                    });
        }
    }

    private static String last(TestClient client, String topic) {
        List<TestClient.Received> on = client.received(topic);
        return on.isEmpty() ? "" : on.get(on.size() - 1).payload();
    }

    /** Waits until the broker's retained presence has {@code status} and the availability is {@code availability}. */
    private static void awaitRetained(String status, String availability, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-" + System.nanoTime())) {
                viewer.subscribe("onair/person/carol/#");
                await().atMost(Duration.ofSeconds(1))
                        .until(() -> viewer.received().size() >= 2);
                List<String> seen = viewer.received().stream()
                        .filter(TestClient.Received::retain)
                        .map(r -> r.topic() + " " + r.payload())
                        .toList();
                assertThat(seen)
                        .contains("onair/person/carol/availability " + availability)
                        .anyMatch(s -> s.startsWith("onair/person/carol/presence ")
                                && s.contains("\"status\":\"" + status + "\""));
            }
        });
    }
}
