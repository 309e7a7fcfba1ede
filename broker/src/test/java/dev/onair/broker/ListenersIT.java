package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every listener carries MQTT end to end: TLS, plain on loopback (relayed to TLS), and secure WebSocket. */
class ListenersIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @BeforeAll
    static void users() {
        broker.addUser("alice", Role.PUBLISHER);
        broker.addUser("viewer", Role.VIEWER);
    }

    @Test
    void tls_retainedPresence_reachesViewer() {
        try (TestClient alice = TestClient.connect(broker.settings("alice"), "alice-pub")) {
            alice.publish("onair/person/alice/presence", "{\"tls\":1}", 1, true);
        }
        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-tls")) {
            assertThat(viewer.subscribe("onair/#")).isTrue();
            await().until(() -> !viewer.received("onair/person/alice/presence").isEmpty());
            assertThat(viewer.received("onair/person/alice/presence"))
                    .containsExactly(new Received("onair/person/alice/presence", "{\"tls\":1}", true, 1));
        }
    }

    @Test
    void plainLoopback_carriesMessages_toTlsClients() {
        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-for-plain");
                TestClient alice = TestClient.connect(broker.plainSettings("alice"), "alice-plain")) {
            assertThat(viewer.subscribe("onair/person/alice/availability")).isTrue();
            alice.publish("onair/person/alice/availability", "online", 1, false);
            await().until(() -> !viewer.received().isEmpty());
            assertThat(viewer.received())
                    .containsExactly(new Received("onair/person/alice/availability", "online", false, 1));
        }
    }

    @Test
    void secureWebSocket_atPathMqtt_carriesMessages() {
        BrokerSettings tls = broker.settings("alice");
        BrokerSettings ws = new BrokerSettings(
                new BrokerAddress("localhost", broker.wsPort(), true), tls.caFile(), null, "alice", tls.password());
        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-for-ws");
                TestClient alice = TestClient.connect(ws, "alice-ws", true, true)) {
            assertThat(viewer.subscribe("onair/person/alice/availability")).isTrue();
            alice.publish("onair/person/alice/availability", "offline", 1, false);
            await().until(() -> !viewer.received().isEmpty());
            assertThat(viewer.received())
                    .containsExactly(new Received("onair/person/alice/availability", "offline", false, 1));
        }
    }
}
