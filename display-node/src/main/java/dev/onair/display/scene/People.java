package dev.onair.display.scene;

import dev.onair.protocol.Availability;
import dev.onair.protocol.presence.Presence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every person the display has heard of, with their last good presence and availability. Thread-safe: MQTT
 * callbacks write, the render loop and the dashboard read.
 */
public final class People {
    private final Map<String, PersonView> byId = new ConcurrentHashMap<>();
    private final List<String> order;

    /** @param order the people shown first, in this order; everyone else follows by id */
    public People(List<String> order) {
        this.order = List.copyOf(order);
    }

    public PersonView updatePresence(Presence presence) {
        return byId.compute(
                presence.person(),
                (id, old) -> (old == null ? new PersonView(id, null, null) : old).withPresence(presence));
    }

    /** Forgets a presence (its retained message was cleared). */
    public void removePresence(String person) {
        byId.computeIfPresent(person, (id, old) -> {
            PersonView v = old.withPresence(null);
            return v.isEmpty() ? null : v;
        });
    }

    public PersonView updateAvailability(String person, Availability availability) {
        return byId.compute(
                person,
                (id, old) -> (old == null ? new PersonView(id, null, null) : old).withAvailability(availability));
    }

    public void removeAvailability(String person) {
        byId.computeIfPresent(person, (id, old) -> {
            PersonView v = old.withAvailability(null);
            return v.isEmpty() ? null : v;
        });
    }

    /** Everyone, in display order: the configured order first, then by id. */
    public List<PersonView> inOrder() {
        List<PersonView> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingInt((PersonView v) -> rank(v.person())).thenComparing(PersonView::person));
        return all;
    }

    private int rank(String person) {
        int i = order.indexOf(person);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
