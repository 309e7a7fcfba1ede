package dev.onair.broker.mosquitto;

import dev.onair.broker.auth.WriteRules;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.protocol.topic.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * OnAir's role table as a Mosquitto 2 {@code acl_file}: one {@code user} block per user, ids written out (a
 * {@code pattern} line with {@code %u} would be wrong for a user whose person or display id is not its name).
 *
 * <p>The grants are the reads of {@code RoleAcl} and the writes of {@link WriteRules} (issue 11: exact topics, not
 * {@code <id>/#}); {@code MosquittoAclTest} holds every grant against the embedded broker's own ACL so the two
 * cannot drift apart. What an {@code acl_file} cannot say (retain flags, per-topic payload caps, client ids) is in
 * {@link #HEADER} and in broker/README.md, "Outgrowing the Pi".
 */
public final class MosquittoAcl {
    /** One line of a user block: {@code topic read|write <filter>}. */
    public record Grant(String access, String topic) {
        public Grant {
            if (!access.equals("read") && !access.equals("write")) {
                throw new IllegalArgumentException("access must be read or write, not " + access);
            }
        }

        String line() {
            return "topic " + access + " " + topic;
        }
    }

    static final String HEADER = """
            # OnAir users for Mosquitto 2: written by ./onair users export --format mosquitto; do not edit, export again.
            # Each user gets exactly the topics its OnAir role grants (broker/README.md, "Users and roles"); nothing
            # else, no '#', no other person's or display's topics. A topic a user is not granted: Mosquitto refuses
            # to deliver it (read) or drops the publish (write; MQTT 5 clients get PUBACK 0x87 Not authorized).
            # What an acl_file cannot say, so Mosquitto does not enforce it (OnAir's embedded broker does):
            #  - "not retained" on set topics: a retained set is stored; OnAir's nodes ignore a set delivered retained.
            #  - per-topic payload caps: mosquitto.conf sets one cap for every topic (max_packet_size).
            #  - the retain flag of a will: a will is checked only as a write to its topic.
            """;

    private final Topics topics;
    private final WriteRules writes;

    public MosquittoAcl(Topics topics) {
        this.topics = topics;
        this.writes = new WriteRules(topics);
    }

    /** The whole {@code acl_file} for {@code users}. */
    public String file(Users users) {
        StringBuilder out = new StringBuilder(HEADER);
        for (User user : users.all()) {
            out.append('\n')
                    .append("# ")
                    .append(user.name())
                    .append(": ")
                    .append(user.role().key())
                    .append(user.id() == null ? "" : " " + user.id())
                    .append('\n');
            out.append("user ").append(user.name()).append('\n');
            for (Grant grant : grants(user)) {
                out.append(grant.line()).append('\n');
            }
        }
        return out.toString();
    }

    /** Every grant of {@code user}: reads first, then writes. */
    public List<Grant> grants(User user) {
        String p = topics.prefix();
        String ha = topics.discoveryPrefix();
        String id = user.id();
        List<String> reads = switch (user.role()) {
            case PUBLISHER -> List.of(p + "/person/" + id + "/set");
            case DISPLAY ->
                List.of(p + "/person/+/presence", p + "/person/+/availability", p + "/display/" + id + "/#");
            case BRIDGE, HOMEASSISTANT -> List.of(p + "/#", ha + "/#");
            case VIEWER -> List.of(p + "/#");
            case ANONYMOUS -> throw new IllegalArgumentException("anonymous is no users-file role");
        };
        List<Grant> grants = new ArrayList<>();
        reads.forEach(t -> grants.add(new Grant("read", t)));
        // Writes are the embedded broker's own table; the retain flags and caps are what an acl_file cannot say.
        writes.grants(user).forEach(g -> grants.add(new Grant("write", g.filter())));
        return grants;
    }
}
