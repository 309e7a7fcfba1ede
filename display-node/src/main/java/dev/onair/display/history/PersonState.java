package dev.onair.display.history;

import dev.onair.display.scene.PersonView;
import dev.onair.protocol.Availability;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Colours;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.util.Objects;

/**
 * What one history row says about a person, times aside. Two equal states in a row are one segment: a publisher that
 * repeats its retained presence (a reconnect, a restart) adds nothing.
 *
 * @param status the status word ({@code offline} while the publisher is offline)
 * @param activity the activity word
 * @param inCall whether in a call or meeting, or null when not known
 * @param camera whether the camera is in use, or null when not known
 * @param source what decided it: the presence's source, or {@code availability} for an offline publisher
 */
public record PersonState(String status, String activity, Boolean inCall, Boolean camera, String source) {
    /** The source of the rows an offline publisher makes. */
    public static final String OFFLINE_SOURCE = "availability";

    public PersonState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The state the display shows for a person: offline whenever the publisher is, whatever its last presence said
     * (as {@link PersonView#lookKey()}); null when nothing is known.
     */
    public static PersonState of(PersonView view) {
        if (view == null) {
            return null;
        }
        if (view.availability() == Availability.OFFLINE) {
            return new PersonState("offline", "offline", false, null, OFFLINE_SOURCE);
        }
        Presence p = view.presence();
        if (p == null) {
            return null;
        }
        return new PersonState(p.status().wire(), p.activity().wire(), p.inCall(), p.camera(), p.source());
    }

    /** The panel's look key for this state (CONTRACT.md section 6), so the timeline takes the panel's colours. */
    public String lookKey() {
        Status s = Status.fromWire(status);
        Activity a = Activity.fromWire(activity);
        if (s == null || a == null) {
            return "unknown";
        }
        return Colours.key(s, a);
    }
}
