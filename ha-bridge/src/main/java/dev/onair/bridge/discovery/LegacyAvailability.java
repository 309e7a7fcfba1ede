package dev.onair.bridge.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.topic.Topic;

/**
 * Recognises the configs of a bridge from before issue 11, which named the one availability topic all bridges shared
 * ({@code onair/bridge/availability}): what that topic holds is then this bridge's to clear.
 */
final class LegacyAvailability {
    private LegacyAvailability() {}

    /** Whether any component of the device config {@code payload} reads {@code legacy} (availability or state). */
    static boolean namedIn(byte[] payload, Topic legacy) {
        if (payload.length == 0) {
            return false;
        }
        try {
            for (JsonNode c : StrictJson.readObject(payload, 64 * 1024).path("components")) {
                if (legacy.name().equals(c.path("state_topic").asText(null))) {
                    return true;
                }
                for (JsonNode a : c.path("availability")) {
                    if (legacy.name().equals(a.path("topic").asText(null))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (PayloadException e) {
            return false;
        }
    }
}
