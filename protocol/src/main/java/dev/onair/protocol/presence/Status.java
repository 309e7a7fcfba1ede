package dev.onair.protocol.presence;

import java.util.Locale;

/** A person's presence status (CONTRACT.md section 3), following Microsoft Graph's availability values. */
public enum Status {
    AVAILABLE,
    BUSY,
    DO_NOT_DISTURB,
    BE_RIGHT_BACK,
    AWAY,
    OFFLINE,
    UNKNOWN;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The snake_case word on the wire. */
    public String wire() {
        return wire;
    }

    /** Whether the light should say "do not come in". */
    public boolean isBusy() {
        return this == BUSY || this == DO_NOT_DISTURB;
    }

    /** The status for a wire word, or null if the word is unknown. */
    public static Status fromWire(String word) {
        for (Status s : values()) {
            if (s.wire.equals(word)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wire;
    }
}
