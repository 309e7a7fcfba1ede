package dev.onair.publisher.presence;

import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import java.util.Objects;

/**
 * What the presence source (Teams' logs, a polled status endpoint, a push) says, before overrides and working hours.
 *
 * @param status the detected status
 * @param activity the detected activity
 * @param source the presence {@code source} word ({@code teams-log}, {@code http-pull}, ...)
 * @param teamsRunning whether the Teams client runs, or null when not known
 * @param inCall whether a call is active, or null when not known
 * @param unread the unread notification count, or null when not known
 */
public record Detection(
        Status status, Activity activity, String source, Boolean teamsRunning, Boolean inCall, Integer unread) {
    public Detection {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(source, "source");
        if (unread != null && unread < 0) {
            throw new IllegalArgumentException("unread count " + unread + " must not be negative");
        }
    }

    /** A detection that knows no unread count (the HTTP sources). */
    public Detection(Status status, Activity activity, String source, Boolean teamsRunning, Boolean inCall) {
        this(status, activity, source, teamsRunning, inCall, null);
    }

    /** Nothing known yet from {@code source}. */
    public static Detection unknown(String source) {
        return new Detection(Status.UNKNOWN, Activity.UNKNOWN, source, null, null);
    }
}
