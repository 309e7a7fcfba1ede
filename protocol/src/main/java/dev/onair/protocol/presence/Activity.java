package dev.onair.protocol.presence;

import java.util.Locale;

/** What a person is doing (CONTRACT.md section 3). */
public enum Activity {
    AVAILABLE,
    BUSY,
    IN_A_CALL,
    IN_A_MEETING,
    PRESENTING,
    DO_NOT_DISTURB,
    BE_RIGHT_BACK,
    AWAY,
    OFFLINE,
    UNKNOWN;

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    /** A call, a meeting or presenting: what the panel pulses for and {@code in_call} reports. */
    public boolean isCallLike() {
        return this == IN_A_CALL || this == IN_A_MEETING || this == PRESENTING;
    }

    /** The activity for a wire word, or null if the word is unknown. */
    public static Activity fromWire(String word) {
        for (Activity a : values()) {
            if (a.wire.equals(word)) {
                return a;
            }
        }
        return null;
    }

    /** The activity that plainly goes with a status when nothing more is known. */
    public static Activity of(Status status) {
        return switch (status) {
            case AVAILABLE -> AVAILABLE;
            case BUSY -> BUSY;
            case DO_NOT_DISTURB -> DO_NOT_DISTURB;
            case BE_RIGHT_BACK -> BE_RIGHT_BACK;
            case AWAY -> AWAY;
            case OFFLINE -> OFFLINE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    @Override
    public String toString() {
        return wire;
    }
}
