package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** What Debian's mosquitto clients see on the wire, for the integration tests. */
final class Wire {
    private Wire() {}

    /**
     * The retained message on {@code topic} as a brand-new {@code mosquitto_sub} gets it: "retain qos payload", e.g.
     * {@code 1 1 {"v":1,...}}; empty when nothing is retained there.
     */
    static Optional<String> retained(EmbeddedBroker broker, String user, String topic) {
        List<String> cmd = new ArrayList<>(List.of(
                "mosquitto_sub", "-V", "mqttv311", "-q", "1", "-C", "1", "-W", "3", "-F", "%r %q %p", "-t", topic));
        cmd.addAll(MosquittoClients.tlsArgs(broker, user));
        MosquittoClients.Result result = MosquittoClients.run(cmd);
        String out = result.output().trim();
        return result.exitCode() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
    }

    /** The retained presence of {@code person}, decoded strictly; empty if there is none or it is not retained. */
    static Optional<Presence> retainedPresence(EmbeddedBroker broker, String user, String person) {
        return retained(broker, user, "onair/person/" + person + "/presence")
                .filter(line -> line.startsWith("1 1 "))
                .map(line -> decode(line.substring(4)));
    }

    /**
     * Waits until a presence of {@code person} that matches reaches a viewer (the retained one it gets on subscribing,
     * or a later one), and checks it came at QoS 1 and that the broker keeps the person's presence retained, at QoS 1,
     * as a brand-new {@code mosquitto_sub} sees it.
     */
    static Presence awaitPresence(
            EmbeddedBroker broker, String person, java.util.function.Predicate<Presence> matches) {
        String topic = "onair/person/" + person + "/presence";
        Received hit = awaitMessage(broker, topic, m -> matches.test(decode(m.payload())));
        assertThat(retained(broker, "viewer", topic))
                .hasValueSatisfying(line -> assertThat(line).startsWith("1 1 "));
        return decode(hit.payload());
    }

    /** Waits until the retained availability of {@code person} is {@code value}. */
    static void awaitAvailability(EmbeddedBroker broker, String person, String value) {
        String topic = "onair/person/" + person + "/availability";
        awaitMessage(broker, topic, m -> m.payload().equals(value));
        assertThat(retained(broker, "viewer", topic))
                .hasValueSatisfying(line -> assertThat(line).startsWith("1 1 "));
    }

    /** Subscribes as the viewer and waits (no polling of the broker) for a message on {@code topic} that matches. */
    private static Received awaitMessage(EmbeddedBroker broker, String topic, Predicate<Received> matches) {
        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "wire-" + UUID.randomUUID())) {
            assertThat(viewer.subscribe(topic)).as("viewer may read " + topic).isTrue();
            Received[] hit = new Received[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                viewer.received(topic).stream().filter(matches).findFirst().ifPresent(m -> hit[0] = m);
                return hit[0] != null;
            });
            assertThat(hit[0].qos()).as("QoS of " + hit[0]).isEqualTo(1);
            return hit[0];
        }
    }

    /** Waits until the in-process publisher has decided {@code status} (while the broker may be down). */
    static void awaitNodeSees(PublisherNode node, dev.onair.protocol.presence.Status status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> node.current() != null && node.current().status() == status);
    }

    /** The presences in a live {@code mosquitto_sub -v} output, in order. */
    static List<Presence> presences(MosquittoClients.Subscriber sub, String person) {
        String prefix = "onair/person/" + person + "/presence ";
        return sub.lines().stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> decode(l.substring(prefix.length())))
                .toList();
    }

    static Presence decode(String json) {
        try {
            return PresenceCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        } catch (PayloadException e) {
            throw new AssertionError("not a contract presence: " + json + " (" + e.getMessage() + ")", e);
        }
    }
}
