package dev.onair.display.scene;

import dev.onair.protocol.Availability;
import dev.onair.protocol.presence.Presence;

/**
 * What the display knows about one person: the last good presence and availability, either of which may not have
 * arrived yet.
 *
 * @param person the person id
 * @param presence the last good presence, or null
 * @param availability the last availability, or null
 */
public record PersonView(String person, Presence presence, Availability availability) {
    /** The {@link Look} key to show: offline whenever the publisher is offline, whatever the last presence said. */
    public String lookKey() {
        if (availability == Availability.OFFLINE) {
            return "offline";
        }
        if (presence == null) {
            return "unknown";
        }
        return Look.key(presence.status(), presence.activity());
    }

    /** Whether the person's camera is on, as far as a live publisher says (an offline one's last word is stale). */
    public boolean cameraOn() {
        return availability != Availability.OFFLINE && presence != null && Boolean.TRUE.equals(presence.camera());
    }

    PersonView withPresence(Presence p) {
        return new PersonView(person, p, availability);
    }

    PersonView withAvailability(Availability a) {
        return new PersonView(person, presence, a);
    }

    boolean isEmpty() {
        return presence == null && availability == null;
    }
}
