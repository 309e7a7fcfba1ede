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
 * @param name the person's display name ("Alice Smith"), or null when none is configured; 1 to {@value #MAX_NAME}
 *     characters, no control characters (issue 15: dashboards and Home Assistant show it instead of the id)
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
        Boolean mic,
        String name) {

    /** The schema version this code writes, and the one it reads. */
    public static final int VERSION = 1;

    /**
     * The longest display name, in characters (code points, as JSON Schema's {@code maxLength} counts): room for
     * "Firstname Lastname-Double (Team)", while a presence with every other field at its longest stays under the
     * 1024-byte cap even when each character is written as a 12-byte surrogate-pair escape.
     */
    public static final int MAX_NAME = 48;

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
        if (name != null) {
            checkName(name);
        }
    }

    /**
     * Checks a display name: 1 to {@value #MAX_NAME} characters, not blank, no control characters (a line break in
     * a name would end up in logs and Home Assistant's device list).
     *
     * @return the name
     */
    public static String checkName(String name) {
        int length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > MAX_NAME) {
            throw new IllegalArgumentException("display name '" + name.substring(0, Math.min(name.length(), 80))
                    + "' must be 1 to " + MAX_NAME + " characters, not blank");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("display name must not contain control characters");
        }
        return name;
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
        this(person, status, activity, since, source, teamsRunning, inCall, overrideUntil, null, null, null, null);
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
                mic,
                name);
    }

    /** The same presence with another display name (null: none). */
    public Presence withName(String newName) {
        return new Presence(
                person,
                status,
                activity,
                since,
                source,
                teamsRunning,
                inCall,
                overrideUntil,
                unread,
                camera,
                mic,
                newName);
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
                && Objects.equals(mic, other.mic)
                && Objects.equals(name, other.name);
    }
}
