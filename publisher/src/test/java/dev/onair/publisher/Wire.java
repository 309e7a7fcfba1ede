package dev.onair.publisher;

import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** Waits until the retained presence of {@code person} matches. */
    static Presence awaitPresence(
            EmbeddedBroker broker, String person, java.util.function.Predicate<Presence> matches) {
        Presence[] seen = new Presence[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    Optional<Presence> p = retainedPresence(broker, "viewer", person);
                    p.ifPresent(v -> seen[0] = v);
                    return p.isPresent() && matches.test(p.get());
                });
        return seen[0];
    }

    /** Waits until the retained availability of {@code person} is {@code value}. */
    static void awaitAvailability(EmbeddedBroker broker, String person, String value) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> retained(broker, "viewer", "onair/person/" + person + "/availability")
                        .filter(line -> line.equals("1 1 " + value))
                        .isPresent());
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
