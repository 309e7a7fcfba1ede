package dev.onair.protocol.presence;

import dev.onair.protocol.light.Rgb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CONTRACT.md section 6: the default colour of each look key, and which key a status and activity show. The one table;
 * the panel's look and the publisher's {@code GET /status} both answer from it.
 */
public final class Colours {
    /** Every look key, in the order of CONTRACT.md section 6. */
    public static final List<String> KEYS = List.of(
            "available",
            "busy",
            "in_a_call",
            "in_a_meeting",
            "presenting",
            "do_not_disturb",
            "be_right_back",
            "away",
            "offline",
            "unknown");

    private static final Map<String, Rgb> DEFAULTS = defaults();

    private Colours() {}

    /**
     * The key for a status and activity: the activity when it refines the status (a call is a kind of busy), else the
     * status ({@code do_not_disturb} while presenting looks like do-not-disturb).
     */
    public static String key(Status status, Activity activity) {
        return status == Status.BUSY && activity.isCallLike() ? activity.wire() : status.wire();
    }

    /** The default colour of a look key. */
    public static Rgb byDefault(String key) {
        Rgb rgb = DEFAULTS.get(key);
        if (rgb == null) {
            throw new IllegalArgumentException("'" + key + "' is not one of " + String.join(", ", KEYS));
        }
        return rgb;
    }

    /** The default colour a status and activity show. */
    public static Rgb byDefault(Status status, Activity activity) {
        return byDefault(key(status, activity));
    }

    private static Map<String, Rgb> defaults() {
        Map<String, Rgb> c = new LinkedHashMap<>();
        c.put("available", Rgb.parseHex("#00FF00"));
        for (String busy : List.of("busy", "in_a_call", "in_a_meeting", "presenting")) {
            c.put(busy, Rgb.parseHex("#FF0000"));
        }
        c.put("do_not_disturb", Rgb.parseHex("#800080"));
        c.put("be_right_back", Rgb.parseHex("#FFFF00"));
        c.put("away", Rgb.parseHex("#FFFF00"));
        c.put("offline", Rgb.parseHex("#808080"));
        c.put("unknown", Rgb.parseHex("#FFFFFF"));
        return Map.copyOf(c);
    }
}
