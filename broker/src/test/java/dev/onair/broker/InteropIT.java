package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.PahoClient.Message;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.testing.MosquittoClients.Result;
import dev.onair.broker.testing.MosquittoClients.Subscriber;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.presence.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Debian's mosquitto clients and Eclipse Paho, two independent MQTT implementations, talk to the broker over TLS with
 * the CA made by the certs code and users from the users file.
 */
class InteropIT {
    @RegisterExtension
    static final EmbeddedBroker broker =
            new EmbeddedBroker().withUsers(Role.PUBLISHER, "alice", "bob").withUsers(Role.VIEWER, "viewer");

    @Test
    void mosquittoPub_retainedPresence_reachesMosquittoSubAndPaho() throws Exception {
        String json = presence("alice", Status.BUSY, Activity.IN_A_CALL);

        Result pub = MosquittoClients.publish(broker, "alice", "onair/person/alice/presence", json, true);
        assertThat(pub.exitCode()).as(pub.output()).isZero();

        try (Subscriber sub = MosquittoClients.subscribe(broker, "viewer", "onair/person/+/presence");
                PahoClient paho = PahoClient.connect(broker.settings("viewer"), "paho-viewer")) {
            paho.subscribe("onair/person/alice/presence");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> sub.lines().contains("onair/person/alice/presence " + json));
            await().until(() -> !paho.received.isEmpty());
            assertThat(paho.received).containsExactly(new Message("onair/person/alice/presence", json, true, 1));
        }
    }

    @Test
    void paho_retainedPresence_reachesMosquittoSub() throws Exception {
        String json = presence("bob", Status.AVAILABLE, Activity.AVAILABLE);
        try (PahoClient bob = PahoClient.connect(broker.settings("bob"), "paho-bob")) {
            bob.publish("onair/person/bob/presence", json, true);
        }

        try (Subscriber sub = MosquittoClients.subscribe(broker, "viewer", "onair/person/bob/presence")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> sub.lines().contains("onair/person/bob/presence " + json));
        }
    }

    private static String presence(String person, Status status, Activity activity) {
        Presence p = new Presence(
                person, status, activity, Instant.parse("2026-11-22T09:00:00Z"), "teams-log", true, true, null);
        return new String(PresenceCodec.encode(p), StandardCharsets.UTF_8);
    }
}
