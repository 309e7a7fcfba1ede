package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.displayState;
import static dev.onair.bridge.Fixtures.presence;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-broker mode: the real OnAir broker, and Debian's mosquitto standing in for Home Assistant's Mosquitto add-on;
 * one bridge between them, with alice and the office display already published.
 */
abstract class TwoBrokerFixture {
    static final String PRESENCE = "onair/person/alice/presence";
    static final String BRIDGE_AVAILABILITY = "onair/bridge/" + Fixtures.BRIDGE_ID + "/availability";

    @RegisterExtension
    final EmbeddedBroker onair = new EmbeddedBroker();

    @TempDir
    Path dir;

    Mosquitto mosquitto;
    BridgeNode bridge;
    private final List<TestClient> clients = new ArrayList<>();
    TestClient alice;
    TestClient office;

    @BeforeEach
    void start() throws Exception {
        mosquitto = new Mosquitto(dir).start();
        onair.addUser("bridge", Role.BRIDGE);
        onair.addUser("alice", Role.PUBLISHER);
        onair.addUser("office", Role.DISPLAY);
        alice = onairClient("alice");
        office = onairClient("office");
        alice.publish("onair/person/alice/availability", "online", 1, true);
        alice.publish(PRESENCE, presence("alice", Status.BUSY), 1, true);
        office.publish("onair/display/office/availability", "online", 1, true);
        office.publish("onair/display/office/state", displayState(), 1, true);
        bridge = new BridgeNode(Fixtures.fast(onair.settings("bridge")).withHa(mosquitto.settings()));
        bridge.start();
    }

    @AfterEach
    void stop() throws Exception {
        bridge.stop();
        clients.forEach(TestClient::close);
        mosquitto.close();
    }

    /** A bridge like the first, started again after it was stopped. */
    void restartBridge() throws Exception {
        bridge = new BridgeNode(Fixtures.fast(onair.settings("bridge")).withHa(mosquitto.settings()));
        bridge.start();
    }

    void awaitMirrored(TestClient ha) {
        ha.subscribe(BRIDGE_AVAILABILITY);
        ha.subscribe("onair/display/office/state");
        await().until(() -> "online".equals(latest(ha, BRIDGE_AVAILABILITY).orElse(null))
                && latest(ha, "onair/display/office/state").isPresent());
    }

    String retained(TestClient owner, String topic) {
        try (TestClient probe = onairClient("bridge", "probe-" + System.nanoTime())) {
            probe.subscribe(topic);
            await().until(() -> !probe.received(topic).isEmpty());
            return probe.received(topic).get(0).payload();
        }
    }

    static Optional<String> latest(TestClient client, String topic) {
        List<Received> r = client.received(topic);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(r.size() - 1).payload());
    }

    TestClient onairClient(String user) {
        return onairClient(user, user + "-test");
    }

    TestClient onairClient(String user, String clientId) {
        TestClient c = TestClient.connect(onair.settings(user), clientId);
        clients.add(c);
        return c;
    }

    TestClient haClient(String clientId) {
        TestClient c = TestClient.connect(mosquitto.settings(), clientId);
        clients.add(c);
        return c;
    }
}
