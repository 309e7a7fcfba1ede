package dev.onair.bridge.roster;

import dev.onair.bridge.NodeName;
import dev.onair.protocol.Availability;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.topic.TopicRef.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who exists: the people and displays listed in the configuration, and (with auto-discovery) those whose retained
 * presence or display state is on the broker. A node that is not listed leaves when its retained state is cleared,
 * or when it has been offline and silent for {@code goneAfter}.
 *
 * <p>"Silent since" starts at the presence's {@code since} for a person first seen (a retained presence of someone
 * gone for weeks is gone at once), and moves to now whenever a payload changes; retained copies re-delivered after a
 * reconnect are identical and move nothing. Not thread-safe: the bridge calls it from one thread.
 */
public final class Roster {
    private static final Logger log = LoggerFactory.getLogger(Roster.class);

    /** Told when a person's status changes (not on first sight, so a restart notifies nobody). */
    @FunctionalInterface
    public interface StatusListener {
        void statusChanged(String name, Presence before, Presence after);
    }

    private static final class Node {
        final Kind kind;
        final String id;
        String listedName;
        byte[] state;
        Presence presence;
        Availability availability;
        Instant lastSeen;

        Node(Kind kind, String id) {
            this.kind = kind;
            this.id = id;
        }

        String name() {
            return kind == Kind.PERSON
                    ? PersonLabel.of(id, listedName, presence)
                    : listedName != null ? listedName : id;
        }
    }

    private final Map<String, Node> people = new LinkedHashMap<>();
    private final Map<String, Node> displays = new LinkedHashMap<>();
    private final boolean autoDiscover;
    private final Duration goneAfter;
    private final Clock clock;
    private final StatusListener listener;

    public Roster(
            List<NodeName> listedPeople,
            List<NodeName> listedDisplays,
            boolean autoDiscover,
            Duration goneAfter,
            Clock clock,
            StatusListener listener) {
        this.autoDiscover = autoDiscover;
        this.goneAfter = goneAfter;
        this.clock = clock;
        this.listener = listener;
        for (NodeName n : listedPeople) {
            node(Kind.PERSON, n.id()).listedName = n.name();
        }
        for (NodeName n : listedDisplays) {
            node(Kind.DISPLAY, n.id()).listedName = n.name();
        }
    }

    /** A message on {@code onair/person/<id>/presence}; an empty payload means the person was removed. */
    public void presence(String id, byte[] payload) throws PayloadException {
        Node n = node(Kind.PERSON, id);
        if (payload.length == 0) {
            n.state = null;
            n.presence = null;
            return;
        }
        Presence p = PresenceCodec.decode(payload);
        if (!p.person().equals(id)) {
            throw new PayloadException(
                    PayloadException.Reason.INVALID_VALUE,
                    "person",
                    "presence names person '" + p.person() + "' on the topic of '" + id + "'");
        }
        Presence before = n.presence;
        boolean changed = !Arrays.equals(n.state, payload);
        n.state = payload.clone();
        n.presence = p;
        seen(n, changed && before != null ? clock.instant() : null, p.since());
        if (before != null && before.status() != p.status()) {
            listener.statusChanged(n.name(), before, p);
        }
    }

    /** A message on {@code onair/display/<id>/state}; an empty payload means the display was removed. */
    public void displayState(String id, byte[] payload) throws PayloadException {
        Node n = node(Kind.DISPLAY, id);
        if (payload.length == 0) {
            n.state = null;
            return;
        }
        LightState.parse(payload);
        boolean changed = !Arrays.equals(n.state, payload);
        boolean first = n.state == null;
        n.state = payload.clone();
        seen(n, first || changed ? clock.instant() : null, null);
    }

    /** A message on a person's or display's availability topic. */
    public void availability(Kind kind, String id, byte[] payload) {
        Node n = node(kind, id);
        Availability a =
                payload.length == 0 ? null : Availability.parse(payload).orElse(null);
        if (payload.length > 0 && a == null) {
            log.warn("Dropped availability for {} {}: not online or offline", kind, id);
            return;
        }
        boolean changed = n.availability != null && n.availability != a;
        n.availability = a;
        if (changed) {
            seen(n, clock.instant(), null);
        }
    }

    /** The person's latest presence, or null if none (or it was cleared). */
    public Presence presenceOf(String id) {
        Node n = people.get(id);
        return n == null ? null : n.presence;
    }

    /** Whether {@code id} is a person the bridge knows (listed or with presence). */
    public boolean knowsPerson(String id) {
        Node n = people.get(id);
        return n != null && (n.listedName != null || n.state != null);
    }

    /** Everyone who should appear in Home Assistant now, people first, each in the order first seen. */
    public List<Member> members() {
        Instant now = clock.instant();
        List<Member> out = new ArrayList<>();
        for (Map<String, Node> nodes : List.of(people, displays)) {
            for (Node n : nodes.values()) {
                if (n.listedName != null || (autoDiscover && n.state != null && !gone(n, now))) {
                    out.add(new Member(n.kind, n.id, n.name()));
                }
            }
        }
        return out;
    }

    private boolean gone(Node n, Instant now) {
        if (n.availability == Availability.ONLINE) {
            return false;
        }
        return n.lastSeen != null && n.lastSeen.plus(goneAfter).isBefore(now);
    }

    private void seen(Node n, Instant changedAt, Instant since) {
        Instant candidate = changedAt != null ? changedAt : since;
        if (candidate == null) {
            candidate = clock.instant();
        }
        if (n.lastSeen == null || candidate.isAfter(n.lastSeen)) {
            n.lastSeen = candidate;
        }
    }

    private Node node(Kind kind, String id) {
        Map<String, Node> nodes = kind == Kind.PERSON ? people : displays;
        return nodes.computeIfAbsent(id, k -> new Node(kind, k));
    }
}
