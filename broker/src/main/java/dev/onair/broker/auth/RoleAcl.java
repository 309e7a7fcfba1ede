package dev.onair.broker.auth;

import dev.onair.broker.users.User;
import dev.onair.protocol.topic.Topics;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Least-privilege access by role (issue 2, "ACLs by role"); {@code p} is the topic prefix, {@code ha} the discovery
 * prefix, {@code id} the user's person or display id:
 *
 * <table>
 *   <tr><th>role</th><th>reads</th><th>writes</th></tr>
 *   <tr><td>publisher</td><td>{@code p/person/id/set}</td>
 *       <td>{@code p/person/id/presence}, {@code p/person/id/availability}, {@code p/person/id/set}</td></tr>
 *   <tr><td>display</td><td>{@code p/person/+/presence}, {@code p/person/+/availability}, {@code p/display/id/#}</td>
 *       <td>{@code p/display/id/state}, {@code p/display/id/availability}, {@code p/person/+/set}</td></tr>
 *   <tr><td>bridge</td><td>{@code p/#}, {@code ha/#}</td>
 *       <td>{@code ha/#}, {@code p/person/+/set}, {@code p/display/+/set}, {@code p/bridge/#}</td></tr>
 *   <tr><td>homeassistant</td><td>{@code p/#}, {@code ha/#}</td>
 *       <td>{@code p/person/+/set}, {@code p/display/+/set}, {@code ha/status}</td></tr>
 *   <tr><td>viewer</td><td>{@code p/#}</td><td>nothing</td></tr>
 * </table>
 *
 * <p>Which of those writes may be retained, and how large each payload may be: {@link WriteRules}, enforced with
 * the will check by {@code dev.onair.broker.net.ConnectionGate}. A denied publish is dropped and its client disconnected (see the constructor). A subscription is allowed only if every topic its filter can match is readable, so a publisher asking for
 * {@code onair/#} is refused rather than silently narrowed. A display may read its own display topics (not only its
 * {@code set} topic) so it can restore its last state after a restart.
 */
public final class RoleAcl implements IAuthorizatorPolicy {
    private static final Logger log = LoggerFactory.getLogger(RoleAcl.class);

    private final UserDirectory users;
    private final Topics topics;
    private final Consumer<String> onDeniedPublish;
    private final WriteRules writes;

    /**
     * @param onDeniedPublish called with the client id after a publish was denied; the broker disconnects that
     *     client, because Moquette neither acknowledges a denied QoS 1/2 publish nor closes the connection, which
     *     would leave the client waiting for an acknowledgement forever (MQTT 3.1.1 section 3.3.5 requires one or
     *     the other)
     */
    public RoleAcl(UserDirectory users, Topics topics, Consumer<String> onDeniedPublish) {
        this.users = users;
        this.topics = topics;
        this.onDeniedPublish = onDeniedPublish;
        this.writes = new WriteRules(topics);
    }

    /** The filters {@code user} may read. */
    public List<String> readable(User user) {
        String p = topics.prefix();
        String ha = topics.discoveryPrefix();
        return switch (user.role()) {
            case PUBLISHER -> List.of(p + "/person/" + user.id() + "/set");
            case DISPLAY ->
                List.of(p + "/person/+/presence", p + "/person/+/availability", p + "/display/" + user.id() + "/#");
            case BRIDGE, HOMEASSISTANT -> List.of(p + "/#", ha + "/#");
            case VIEWER -> List.of(p + "/#");
            case ANONYMOUS -> List.of(p + "/#", ha + "/#");
        };
    }

    /** The filters {@code user} may publish to (retain flags and payload caps: {@link WriteRules}). */
    public List<String> writable(User user) {
        return writes.filters(user);
    }

    /** The exact write rules: topics, retain flags, payload caps. */
    public WriteRules writeRules() {
        return writes;
    }

    /** Whether {@code user} may publish to {@code topic}; unlike {@link #canWrite} it logs and disconnects nothing. */
    public boolean mayWrite(String user, String topic) {
        Optional<User> u = users.find(user);
        return u.isPresent() && writable(u.get()).stream().anyMatch(f -> TopicFilters.matches(f, topic));
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        String name = topic.toString();
        Optional<User> u = users.find(user);
        boolean allowed = u.isPresent() && writable(u.get()).stream().anyMatch(f -> TopicFilters.matches(f, name));
        if (!allowed) {
            log.warn(
                    "Denied publish to {} by client {} (user {}, role {}): dropped, client disconnected",
                    name,
                    client,
                    user,
                    role(u));
            onDeniedPublish.accept(client);
        }
        return allowed;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        String filter = topic.toString();
        Optional<User> u = users.find(user);
        boolean allowed = u.isPresent() && readable(u.get()).stream().anyMatch(f -> TopicFilters.covers(f, filter));
        if (!allowed) {
            log.warn("Denied subscription to {} by client {} (user {}, role {})", filter, client, user, role(u));
        }
        return allowed;
    }

    private static String role(Optional<User> user) {
        return user.map(u -> u.role().key()).orElse("none");
    }
}
