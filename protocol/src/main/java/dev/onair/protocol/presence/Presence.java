package dev.onair.protocol.presence;

import dev.onair.protocol.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's presence, the retained payload of {@code onair/person/<id>/presence} (CONTRACT.md section 3).
 *
 * @param person the person id, equal to the topic's {@code <person>}
 * @param status the status
 * @param activity what the person is doing
 * @param since when {@code status} last changed
 * @param source what decided it ({@code teams-log}, {@code override}, ...), 1 to 32 characters
 * @param teamsRunning whether the Teams client runs, or null when not known
 * @param inCall whether a call or meeting is active, or null when not known
 * @param overrideUntil when the override in force ends, or null
 * @param unread the unread notification count in Teams, or null when not known
 * @param camera whether the work PC's camera is in use, or null when this PC cannot tell
 * @param mic whether the work PC's microphone is in use, or null when this PC cannot tell
 */
public record Presence(
        String person,
        Status status,
        Activity activity,
        Instant since,
        String source,
        Boolean teamsRunning,
        Boolean inCall,
        Instant overrideUntil,
        Integer unread,
        Boolean camera,
        Boolean mic) {

    /** The schema version this code writes, and the one it reads. */
    public static final int VERSION = 1;

    public Presence {
        Ids.require(person, "person id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(source, "source");
        if (source.isEmpty() || source.length() > 32) {
            throw new IllegalArgumentException("source '" + source + "' must be 1 to 32 characters");
        }
        if (unread != null && unread < 0) {
            throw new IllegalArgumentException("unread count " + unread + " must not be negative");
        }
    }

    /** A presence that knows nothing of unread messages, camera or microphone (they are null). */
    public Presence(
            String person,
            Status status,
            Activity activity,
            Instant since,
            String source,
            Boolean teamsRunning,
            Boolean inCall,
            Instant overrideUntil) {
        this(person, status, activity, since, source, teamsRunning, inCall, overrideUntil, null, null, null);
    }

    /** The same presence with another status, activity and {@code since}. */
    public Presence withStatus(Status newStatus, Activity newActivity, Instant newSince) {
        return new Presence(
                person,
                newStatus,
                newActivity,
                newSince,
                source,
                teamsRunning,
                inCall,
                overrideUntil,
                unread,
                camera,
                mic);
    }

    /**
     * Whether the two differ in anything a consumer would see, apart from {@code since} (which only moves when the
     * status does).
     */
    public boolean sameStateAs(Presence other) {
        return other != null
                && person.equals(other.person)
                && status == other.status
                && activity == other.activity
                && source.equals(other.source)
                && Objects.equals(teamsRunning, other.teamsRunning)
                && Objects.equals(inCall, other.inCall)
                && Objects.equals(overrideUntil, other.overrideUntil)
                && Objects.equals(unread, other.unread)
                && Objects.equals(camera, other.camera)
                && Objects.equals(mic, other.mic);
    }
}
