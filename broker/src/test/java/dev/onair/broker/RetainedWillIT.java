package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.testing.MosquittoClients.Subscriber;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A retained will ends up as the topic's retained message when its client dies (Moquette alone only delivers it to
 * current subscribers), and only then: not after a clean disconnect, not for a topic the client may not write.
 */
class RetainedWillIT {
    @RegisterExtension
    static final EmbeddedBroker broker =
            new EmbeddedBroker().withUsers(Role.PUBLISHER, "alice", "bob").withUsers(Role.VIEWER, "viewer");

    @Test
    void killedClient_leavesItsWillRetained() throws Exception {
        String topic = "onair/person/alice/availability";
        MosquittoClients.publish(broker, "alice", topic, "online", true);
        Subscriber client = clientWithWill("alice", topic, "offline", "will-killed");

        client.kill();

        // A connection that times out inside the check is tried again, not an error at once (issue 11).
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertThat(retained(topic)).containsExactly("offline"));
    }

    @Test
    void cleanlyDisconnectedClient_leavesRetainedStateAlone() throws Exception {
        String topic = "onair/person/bob/availability";
        MosquittoClients.publish(broker, "bob", topic, "online", true);
        // -C 1 makes mosquitto_sub disconnect cleanly after its first message (the retained "online").
        List<String> cmd =
                new ArrayList<>(List.of("mosquitto_sub", "-q", "1", "-C", "1", "-t", topic, "-i", "will-clean"));
        cmd.addAll(MosquittoClients.willArgs(topic, "offline", true));
        cmd.addAll(MosquittoClients.tlsArgs(broker, "bob"));
        assertThat(MosquittoClients.run(cmd).exitCode()).isZero();

        assertThat(retained(topic)).containsExactly("online");
    }

    @Test
    void willToATopicTheUserMayNotWrite_isRefusedAtConnect() throws Exception {
        // bob's will names alice's topic: the broker must not let a dying client write where it could not publish.
        String topic = "onair/person/alice/availability";
        MosquittoClients.publish(broker, "alice", topic, "online", true);
        List<String> cmd = new ArrayList<>(List.of("mosquitto_sub", "-t", "onair/person/bob/set", "-i", "will-denied"));
        cmd.addAll(MosquittoClients.willArgs(topic, "offline-by-bob", true));
        cmd.addAll(MosquittoClients.tlsArgs(broker, "bob"));

        MosquittoClients.Result refused = MosquittoClients.run(cmd);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("not authorised");
        assertThat(retained(topic)).containsExactly("online");
    }

    /** A mosquitto_sub with a retained will, once its subscription is acknowledged (-d prints the SUBACK). */
    private static Subscriber clientWithWill(String user, String topic, String payload, String clientId) {
        // stdbuf: mosquitto_sub's stdout is a pipe here, which the C library would buffer.
        List<String> cmd = new ArrayList<>(List.of(
                "stdbuf",
                "-oL",
                "mosquitto_sub",
                "-d",
                "-q",
                "1",
                "-t",
                "onair/person/" + user + "/set",
                "-i",
                clientId));
        cmd.addAll(MosquittoClients.willArgs(topic, payload, true));
        cmd.addAll(MosquittoClients.tlsArgs(broker, user));
        Subscriber s = Subscriber.start(cmd);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> s.lines().stream().anyMatch(l -> l.contains("received SUBACK")));
        return s;
    }

    private static List<String> retained(String topic) {
        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-" + System.nanoTime())) {
            viewer.subscribe(topic);
            await().pollDelay(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> true);
            return viewer.received(topic).stream()
                    .filter(Received::retain)
                    .map(Received::payload)
                    .toList();
        }
    }
}
