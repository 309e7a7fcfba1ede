package dev.onair.broker.auth;

import dev.onair.broker.users.User;
import dev.onair.protocol.topic.Topics;
import java.util.List;
import java.util.Optional;

/**
 * What each role may publish, exactly: the topic, whether it may be retained, and the largest payload (issue 11). A
 * will is judged like a publish of its topic with its retain flag and payload. The same table is in
 * broker/README.md ("Users and roles"), and the Mosquitto export writes it as an {@code acl_file}
 * ({@code dev.onair.broker.mosquitto.MosquittoAcl}).
 *
 * <p>Caps: presence is at most 1 KiB by the contract (section 3); {@code online}/{@code offline} fit in 16 bytes;
 * commands and display state are small JSON objects (1 KiB); a Home Assistant device discovery config is a few
 * kilobytes, so the bridge gets 64 KiB under the discovery prefix. Retained {@code set} commands are never allowed: a
 * retained {@code away} would be applied again at every publisher restart.
 */
public final class WriteRules {
    /** Largest presence payload, from the contract. */
    public static final int PRESENCE_BYTES = 1024;

    /** Largest {@code online}/{@code offline} payload. */
    public static final int AVAILABILITY_BYTES = 16;

    /** Largest command or display state. */
    public static final int COMMAND_BYTES = 1024;

    /** Largest discovery config or other payload the bridge writes under the discovery prefix. */
    public static final int DISCOVERY_BYTES = 64 * 1024;

    /** One grant: a topic filter, whether retained publishes are allowed on it, and the payload cap. */
    public record Grant(String filter, boolean retain, int maxBytes) {
        public Grant {
            if (filter == null || filter.isEmpty() || maxBytes < 0) {
                throw new IllegalArgumentException("bad grant " + filter + " " + maxBytes);
            }
        }
    }

    private final Topics topics;

    public WriteRules(Topics topics) {
        this.topics = topics;
    }

    /** The grants of {@code user}, in the order they are checked. */
    public List<Grant> grants(User user) {
        String p = topics.prefix();
        String ha = topics.discoveryPrefix();
        return switch (user.role()) {
            case PUBLISHER -> {
                String me = p + "/person/" + user.id();
                yield List.of(
                        new Grant(me + "/presence", true, PRESENCE_BYTES),
                        new Grant(me + "/availability", true, AVAILABILITY_BYTES),
                        new Grant(me + "/set", false, COMMAND_BYTES));
            }
            case DISPLAY -> {
                String me = p + "/display/" + user.id();
                yield List.of(
                        new Grant(me + "/state", true, COMMAND_BYTES),
                        new Grant(me + "/availability", true, AVAILABILITY_BYTES),
                        new Grant(p + "/person/+/set", false, COMMAND_BYTES));
            }
            case BRIDGE ->
                List.of(
                        new Grant(ha + "/#", true, DISCOVERY_BYTES),
                        new Grant(p + "/bridge/#", true, COMMAND_BYTES),
                        new Grant(p + "/person/+/set", false, COMMAND_BYTES),
                        new Grant(p + "/display/+/set", false, COMMAND_BYTES));
            case HOMEASSISTANT ->
                List.of(
                        new Grant(p + "/person/+/set", false, COMMAND_BYTES),
                        new Grant(p + "/display/+/set", false, COMMAND_BYTES),
                        // Home Assistant's birth and will may be configured retained.
                        new Grant(ha + "/status", true, AVAILABILITY_BYTES));
            case VIEWER, ANONYMOUS -> List.of();
        };
    }

    /** The filters {@code user} may publish to, whatever the retain flag and size. */
    public List<String> filters(User user) {
        return grants(user).stream().map(Grant::filter).toList();
    }

    /**
     * Why {@code user} may not publish {@code bytes} bytes to {@code topic} with {@code retain}, or empty when it may.
     */
    public Optional<String> refusal(User user, String topic, boolean retain, int bytes) {
        if (topic == null || topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
            return Optional.of("not a topic name");
        }
        for (Grant g : grants(user)) {
            if (TopicFilters.matches(g.filter(), topic)) {
                if (retain && !g.retain()) {
                    return Optional.of("retained messages are not allowed on this topic");
                }
                if (bytes > g.maxBytes()) {
                    return Optional.of("payload of " + bytes + " bytes is over this topic's " + g.maxBytes());
                }
                return Optional.empty();
            }
        }
        return Optional.of("role " + user.role().key() + " may not write this topic");
    }
}
