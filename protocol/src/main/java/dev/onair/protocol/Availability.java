package dev.onair.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The payload of every {@code .../availability} topic (CONTRACT.md section 2). */
public enum Availability {
    ONLINE("online"),
    OFFLINE("offline");

    private final String wire;

    Availability(String wire) {
        this.wire = wire;
    }

    /** The payload as it goes on the wire. */
    public String wire() {
        return wire;
    }

    public byte[] payload() {
        return wire.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a payload; anything but exactly {@code online} or {@code offline} is empty. */
    public static Optional<Availability> parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        for (Availability a : values()) {
            if (a.wire.equals(text)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
