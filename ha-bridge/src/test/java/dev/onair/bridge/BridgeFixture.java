package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.displayState;
import static dev.onair.bridge.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.bridge.discovery.HaRulesAccess;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Single-broker mode against the real OnAir broker: Home Assistant connects to the OnAir broker itself. Alice and Bob
 * (publishers), the office display and Home Assistant (subscribed to every discovery config) are connected.
 */
abstract class BridgeFixture {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ALICE_CONFIG = "homeassistant/device/onair_person_alice/config";
    static final String BOB_CONFIG = "homeassistant/device/onair_person_bob/config";
    static final String OFFICE_CONFIG = "homeassistant/device/onair_display_office/config";
    static final String BRIDGE_CONFIG = "homeassistant/device/onair_bridge/config";

    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    final List<BridgeNode> bridges = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();
    TestClient alice;
    TestClient bob;
    TestClient office;
    TestClient ha;

    @BeforeEach
    void users() {
        broker.addUser("bridge", Role.BRIDGE);
        broker.addUser("alice", Role.PUBLISHER);
        broker.addUser("bob", Role.PUBLISHER);
        broker.addUser("office", Role.DISPLAY);
        broker.addUser("ha", Role.HOMEASSISTANT);
        alice = client("alice");
        bob = client("bob");
        office = client("office");
        ha = client("ha");
        assertThat(ha.subscribe("homeassistant/device/+/config")).isTrue();
    }

    @AfterEach
    void stop() {
        bridges.forEach(BridgeNode::stop);
        clients.forEach(TestClient::close);
    }

    void publishTwoPeopleAndOffice() {
        alice.publish("onair/person/alice/availability", "online", 1, true);
        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true);
        bob.publish("onair/person/bob/availability", "online", 1, true);
        bob.publish("onair/person/bob/presence", presence("bob", Status.AVAILABLE), 1, true);
        office.publish("onair/display/office/availability", "online", 1, true);
        office.publish("onair/display/office/state", displayState(), 1, true);
    }

    void assertPayload(String topic, byte[] expected) throws Exception {
        Received r = configs(topic).get(0);
        assertThat(r.qos()).isEqualTo(1);
        assertThat(MAPPER.readTree(r.payload())).isEqualTo(MAPPER.readTree(expected));
        assertThat(HaRulesAccess.check(topic, r.payload().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    List<String> retainedConfigs() {
        try (TestClient probe = client("ha", "ha-probe-" + System.nanoTime())) {
            probe.subscribe("homeassistant/device/+/config");
            // The bridge's own config is always there, and retained messages arrive together right after SUBACK.
            await().until(() ->
                    probe.received().stream().anyMatch(r -> r.topic().equals(BRIDGE_CONFIG)));
            return probe.received().stream()
                    .filter(Received::retain)
                    .map(Received::topic)
                    .toList();
        }
    }

    List<Received> configs(String topic) {
        return ha.received(topic);
    }

    /** Runs {@code ./onair bridge --clean} against the broker as the bridge user; returns the exit code. */
    int cleanWithCli() {
        return dev.onair.runtime.config.Cli.run(
                new BridgeMain(),
                new String[] {
                    "bridge",
                    "--clean",
                    "--learn-window",
                    "500ms",
                    "--broker",
                    broker.tlsUrl(),
                    "--ca",
                    broker.caFile().toString(),
                    "--user",
                    "bridge",
                    "--password",
                    broker.password("bridge"),
                    "--bridge-id",
                    Fixtures.BRIDGE_ID
                },
                java.util.Map.of());
    }

    BridgeNode start(BridgeConfig config) {
        return start(config, java.time.Clock.systemDefaultZone());
    }

    BridgeNode start(BridgeConfig config, java.time.Clock clock) {
        BridgeNode node = new BridgeNode(config, clock);
        try {
            node.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        bridges.add(node);
        return node;
    }

    TestClient client(String user) {
        return client(user, user + "-test");
    }

    TestClient client(String user, String clientId) {
        TestClient c = TestClient.connect(broker.settings(user), clientId);
        clients.add(c);
        return c;
    }
}
