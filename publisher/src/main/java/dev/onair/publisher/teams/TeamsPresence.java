package dev.onair.publisher.teams;

import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import java.util.Locale;
import java.util.Optional;

/**
 * The presence words Teams writes (and the older PowerShell scripts sent), mapped to the contract's status and
 * activity (CONTRACT.md section 3: Graph's values in snake_case, {@code AvailableIdle} becomes {@code available}).
 */
public enum TeamsPresence {
    AVAILABLE("Available", Status.AVAILABLE, Activity.AVAILABLE),
    AVAILABLE_IDLE("AvailableIdle", Status.AVAILABLE, Activity.AVAILABLE),
    BUSY("Busy", Status.BUSY, Activity.BUSY),
    BUSY_IDLE("BusyIdle", Status.BUSY, Activity.BUSY),
    IN_A_CALL("InACall", Status.BUSY, Activity.IN_A_CALL),
    ON_THE_PHONE("OnThePhone", Status.BUSY, Activity.IN_A_CALL),
    IN_A_MEETING("InAMeeting", Status.BUSY, Activity.IN_A_MEETING),
    PRESENTING("Presenting", Status.DO_NOT_DISTURB, Activity.PRESENTING),
    DO_NOT_DISTURB("DoNotDisturb", Status.DO_NOT_DISTURB, Activity.DO_NOT_DISTURB),
    FOCUSING("Focusing", Status.DO_NOT_DISTURB, Activity.DO_NOT_DISTURB),
    BE_RIGHT_BACK("BeRightBack", Status.BE_RIGHT_BACK, Activity.BE_RIGHT_BACK),
    AWAY("Away", Status.AWAY, Activity.AWAY),
    OFFLINE("Offline", Status.OFFLINE, Activity.OFFLINE),
    PRESENCE_UNKNOWN("PresenceUnknown", Status.UNKNOWN, Activity.UNKNOWN);

    private final String token;
    private final Status status;
    private final Activity activity;

    TeamsPresence(String token, Status status, Activity activity) {
        this.token = token;
        this.status = status;
        this.activity = activity;
    }

    /** The word as Teams writes it ({@code DoNotDisturb}). */
    public String token() {
        return token;
    }

    public Status status() {
        return status;
    }

    public Activity activity() {
        return activity;
    }

    /**
     * The presence for a word, ignoring case, spaces, {@code _} and {@code -}: {@code DoNotDisturb},
     * {@code do_not_disturb} and {@code Do not disturb} (the English taskbar text of classic Teams) all match.
     */
    public static Optional<TeamsPresence> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String key = normalise(word);
        for (TeamsPresence p : values()) {
            if (normalise(p.token).equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.ofNullable(
                switch (key) {
                    case "unknown" -> PRESENCE_UNKNOWN;
                    case "appearoffline", "invisible" -> OFFLINE;
                    default -> null;
                });
    }

    /** The PascalCase availability word for a contract status, as the PowerShell status server served it. */
    public static String availabilityWord(Status status) {
        return switch (status) {
            case AVAILABLE -> "Available";
            case BUSY -> "Busy";
            case DO_NOT_DISTURB -> "DoNotDisturb";
            case BE_RIGHT_BACK -> "BeRightBack";
            case AWAY -> "Away";
            case OFFLINE -> "Offline";
            case UNKNOWN -> "PresenceUnknown";
        };
    }

    /** The PascalCase activity word (Graph's activity values) for a contract activity. */
    public static String activityWord(Activity activity) {
        return switch (activity) {
            case AVAILABLE -> "Available";
            case BUSY -> "Busy";
            case IN_A_CALL -> "InACall";
            case IN_A_MEETING -> "InAMeeting";
            case PRESENTING -> "Presenting";
            case DO_NOT_DISTURB -> "DoNotDisturb";
            case BE_RIGHT_BACK -> "BeRightBack";
            case AWAY -> "Away";
            case OFFLINE -> "Offline";
            case UNKNOWN -> "PresenceUnknown";
        };
    }

    static String normalise(String word) {
        return word.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }
}
