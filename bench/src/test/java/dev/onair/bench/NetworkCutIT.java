package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.publisher.PublisherConfig;
import dev.onair.publisher.PublisherNode;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.Cleanup;
import dev.onair.testsupport.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    @TempDir
    Path dir;

    @Test
    void cut30s_availabilityOfflineDuringCut_presenceConvergesWithin2sOfHealing() throws Exception {
        broker.addUser("carol", Role.PUBLISHER);
        broker.addUser("viewer", Role.VIEWER);
        TcpProxy proxy = cleanup.add(TcpProxy.start(broker.tlsPort()));
        BrokerSettings direct = broker.settings("carol");
        BrokerSettings viaProxy = new BrokerSettings(
                new BrokerAddress("localhost", proxy.port(), true), direct.caFile(), null, "carol", direct.password());
        TeamsLog log = TeamsLog.create(dir.resolve("teams"), "Available");
        PublisherNode publisher = cleanup.add(
                new PublisherNode(PublisherConfig.teamsLogs("carol", viaProxy, log.folder())), PublisherNode::stop);
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

    /**
     * Waits until the broker's retained presence has {@code status} and the availability is {@code availability}.
     * Each try reads with {@link Retained#read}, which never throws: an inner wait or a connection that timed out
     * inside {@code untilAsserted} escaped at once as an error instead of being tried again (issue 11).
     */
    private static void awaitRetained(String status, String availability, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Map<String, String> seen =
                    Retained.read(broker.settings("viewer"), "onair/person/carol/#", m -> m.size() >= 2);
            assertThat(seen).containsEntry("onair/person/carol/availability", availability);
            assertThat(seen.getOrDefault("onair/person/carol/presence", "")).contains("\"status\":\"" + status + "\"");
        });
    }
}
