package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.testing.MosquittoClients.Result;
import dev.onair.broker.users.Role;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication and the role ACLs, observed on the wire with real clients over TLS. */
class AccessControlIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker()
            .withUsers(Role.PUBLISHER, "alice", "bob")
            .withUsers(Role.DISPLAY, "kitchen")
            .withUsers(Role.HOMEASSISTANT, "ha")
            .withUsers(Role.VIEWER, "viewer");

    @Test
    void anonymousConnection_onTls_isRefused() {
        BrokerSettings anonymous = withCredentials(broker.settings("viewer"), null, null);

        assertThatThrownBy(() -> TestClient.connect(anonymous, "anon-hivemq"))
                .isInstanceOf(Mqtt5ConnAckException.class)
                .satisfies(e -> assertThat(
                                ((Mqtt5ConnAckException) e).getMqttMessage().getReasonCode())
                        .isIn(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        assertThatThrownBy(() -> PahoClient.connect(anonymous, "anon-paho")).isInstanceOf(MqttException.class);
        Result mosquitto = MosquittoClients.run(MosquittoClients.command(
                "mosquitto_pub",
                MosquittoClients.anonymousTlsArgs(broker.tlsPort(), broker.caFile()),
                "-t",
                "onair/person/alice/presence",
                "-m",
                "x",
                "-q",
                "1"));
        assertThat(mosquitto.exitCode()).isNotZero();
        assertThat(mosquitto.output()).contains("Connection Refused");
    }

    @Test
    void wrongPassword_onTlsAndPlain_isRefused() {
        BrokerSettings wrong = withCredentials(broker.settings("alice"), "alice", "not-the-password");
        BrokerSettings wrongPlain = withCredentials(broker.plainSettings("alice"), "alice", "not-the-password");
        BrokerSettings unknownUser = withCredentials(broker.settings("alice"), "mallory", broker.password("alice"));

        for (BrokerSettings s : java.util.List.of(wrong, wrongPlain, unknownUser)) {
            assertThatThrownBy(() -> TestClient.connect(s, "wrong-pw"))
                    .as(s.toString())
                    .isInstanceOf(Mqtt5ConnAckException.class)
                    .satisfies(e -> assertThat(
                                    ((Mqtt5ConnAckException) e).getMqttMessage().getReasonCode())
                            .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        }
        assertThatThrownBy(() -> PahoClient.connect(wrong, "wrong-pw-paho")).isInstanceOf(MqttException.class);
    }

    @Test
    void publisher_cannotWriteAnotherPersonsTopic_messageNeverReachesSubscriber() {
        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-1")) {
            assertThat(viewer.subscribe("onair/person/bob/presence")).isTrue();

            TestClient alice = TestClient.connect(broker.settings("alice"), "alice-forger");
            // The broker drops the publish and closes the connection: the client is told, not left waiting.
            alice.publishAsync("onair/person/bob/presence", "forged-by-alice", 1, true);
            await().until(() -> !alice.isConnected());
            alice.close();
            Result mosquitto =
                    MosquittoClients.publish(broker, "alice", "onair/person/bob/presence", "forged-by-mosquitto", true);
            assertThat(mosquitto.exitCode()).as(mosquitto.output()).isNotZero();

            try (TestClient bob = TestClient.connect(broker.settings("bob"), "bob-pc")) {
                bob.publish("onair/person/bob/presence", "genuine", 1, true);
            }
            await().until(() -> !viewer.received().isEmpty());
            assertThat(viewer.received())
                    .containsExactly(new Received("onair/person/bob/presence", "genuine", false, 1));
        }
        try (TestClient late = TestClient.connect(broker.settings("viewer"), "viewer-late")) {
            late.subscribe("onair/person/bob/presence");
            await().until(() -> !late.received().isEmpty());
            assertThat(late.received()).extracting(Received::payload).containsExactly("genuine");
        }
    }

    @Test
    void viewer_cannotWrite_evenOverrideCommands() {
        try (TestClient alice = TestClient.connect(broker.settings("alice"), "alice-set-listener")) {
            assertThat(alice.subscribe("onair/person/alice/set")).isTrue();

            TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-writer");
            viewer.publishAsync("onair/person/alice/set", "do_not_disturb", 1, false);
            await().until(() -> !viewer.isConnected());
            viewer.close();

            try (TestClient ha = TestClient.connect(broker.settings("ha"), "ha-1")) {
                ha.publish("onair/person/alice/set", "auto", 1, false);
            }
            await().until(() -> !alice.received().isEmpty());
            assertThat(alice.received()).containsExactly(new Received("onair/person/alice/set", "auto", false, 1));
        }
    }

    @Test
    void deniedSubscription_getsFailureReasonCode_andClientStaysUsable() {
        try (TestClient alice = TestClient.connect(broker.settings("alice"), "alice-greedy")) {
            assertThat(alice.subscribeReason("onair/#").isError()).isTrue();
            assertThat(alice.subscribeReason("onair/person/bob/set").isError()).isTrue();

            assertThat(alice.isConnected()).isTrue();
            assertThat(alice.subscribe("onair/person/alice/set")).isTrue();
            alice.publish("onair/person/alice/availability", "online", 1, true);
        }
    }

    @Test
    void display_readsEveryonesPresence_andWritesPersonsSetTopics() {
        try (TestClient kitchen = TestClient.connect(broker.settings("kitchen"), "kitchen-display");
                TestClient alice = TestClient.connect(broker.settings("alice"), "alice-pc")) {
            assertThat(kitchen.subscribe("onair/person/+/presence")).isTrue();
            assertThat(kitchen.subscribe("onair/person/+/set")).isFalse();
            assertThat(alice.subscribe("onair/person/alice/set")).isTrue();

            alice.publish("onair/person/alice/presence", "{\"display-test\":1}", 1, false);
            kitchen.publish("onair/person/alice/set", "busy", 1, false);
            kitchen.publish("onair/display/kitchen/state", "{\"state\":\"ON\"}", 1, true);

            await().until(() ->
                    !kitchen.received().isEmpty() && !alice.received().isEmpty());
            assertThat(kitchen.received())
                    .containsExactly(new Received("onair/person/alice/presence", "{\"display-test\":1}", false, 1));
            assertThat(alice.received()).containsExactly(new Received("onair/person/alice/set", "busy", false, 1));
            assertThat(kitchen.isConnected()).isTrue();
        }
    }

    @Test
    void deniedPublishWithMosquittoPub_endsPromptly_insteadOfWaitingForever() {
        Result result = MosquittoClients.publish(broker, "viewer", "onair/person/alice/presence", "x", false);

        assertThat(result.exitCode()).isNotZero().isNotEqualTo(-1);
        assertThat(result.output()).contains("connection was lost");
    }

    private static BrokerSettings withCredentials(BrokerSettings s, String user, String password) {
        return new BrokerSettings(s.address(), s.caFile(), s.caSha256(), user, password);
    }
}
