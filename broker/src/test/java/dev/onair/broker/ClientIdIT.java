package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OnAir's node client ids ({@code onair-<kind>-<id>}) belong to their user, and a session another user takes over
 * starts empty (issue 11).
 */
class ClientIdIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker()
            .withUsers(Role.PUBLISHER, "alice")
            .withUsers(Role.DISPLAY, "main")
            .withUsers(Role.BRIDGE, "bridge")
            .withUsers(Role.HOMEASSISTANT, "ha")
            .withUsers(Role.VIEWER, "viewer");

    @Test
    void viewer_cannotTakeTheDisplaysClientId_andTheDisplayStaysConnected() {
        try (TestClient display = TestClient.connect(broker.settings("main"), "onair-display-main")) {
            assertThatThrownBy(() -> TestClient.connect(broker.settings("viewer"), "onair-display-main"))
                    .isInstanceOf(Mqtt5ConnAckException.class)
                    .satisfies(e -> assertThat(
                                    ((Mqtt5ConnAckException) e).getMqttMessage().getReasonCode())
                            .isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID));
            List<String> cmd = new ArrayList<>(
                    List.of("mosquitto_pub", "-V", "mqttv311", "-i", "onair-display-main", "-t", "onair/x", "-m", "x"));
            cmd.addAll(MosquittoClients.tlsArgs(broker, "viewer"));
            MosquittoClients.Result result = MosquittoClients.run(cmd);
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("identifier rejected");

            // The refused attempts did not take the display's session over.
            display.publish("onair/display/main/state", "{\"state\":\"ON\"}", 1, true);
            assertThat(display.isConnected()).isTrue();
        }
    }

    @Test
    void nodeIds_belongToTheirUser() {
        assertThatThrownBy(() -> TestClient.connect(broker.settings("alice"), "onair-publisher-bob"))
                .isInstanceOf(Mqtt5ConnAckException.class);
        assertThatThrownBy(() -> TestClient.connect(broker.settings("ha"), "onair-bridge"))
                .isInstanceOf(Mqtt5ConnAckException.class);
        assertThatThrownBy(() -> TestClient.connect(broker.settings("viewer"), "onair-set-1234"))
                .isInstanceOf(Mqtt5ConnAckException.class);
        TestClient.connect(broker.settings("alice"), "onair-publisher-alice").close();
        TestClient.connect(broker.settings("bridge"), "onair-bridge-ha").close();
        TestClient.connect(broker.settings("ha"), "onair-set-1234").close();
        TestClient.connect(broker.settings("viewer"), "any-other-id").close();
    }

    @Test
    void sessionTakenOverByAnotherUser_startsEmpty() {
        try (TestClient alice = TestClient.connect(broker.settings("alice"), "shared-session", false, false)) {
            assertThat(alice.subscribe("onair/person/alice/set")).isTrue();
        }
        try (TestClient ha = TestClient.connect(broker.settings("ha"), "ha-sender")) {
            ha.publish("onair/person/alice/set", "away", 1, false); // queued for alice's offline session
        }
        try (TestClient alice = TestClient.connect(broker.settings("alice"), "alice-marker")) {
            alice.publish("onair/person/alice/presence", "{\"marker\":1}", 1, true);
        }

        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "shared-session", false, false)) {
            viewer.subscribe("onair/person/alice/presence");
            // Queued messages would arrive before the retained marker of the new subscription.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !viewer.received("onair/person/alice/presence").isEmpty());
            assertThat(viewer.received()).extracting(Received::payload).doesNotContain("away");
        }
    }
}
