package dev.onair.display.scene;

import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Colours;
import dev.onair.protocol.presence.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each state looks like: a colour and an animation per key. The keys are the words of CONTRACT.md section 6:
 * the statuses, and the activities that refine {@code busy} ({@code in_a_call}, {@code in_a_meeting},
 * {@code presenting}), so a call can look different from plain busy.
 *
 * @param colours a colour for every key
 * @param animations an animation for every key
 * @param camera what a person whose camera is on gets on top of their colour
 */
public record Look(Map<String, Rgb> colours, Map<String, Animation> animations, CameraMark camera) {
    /** Every key, in the order the contract's table lists them. */
    public static final List<String> KEYS = Colours.KEYS;

    /** A look with the default camera border. */
    public Look(Map<String, Rgb> colours, Map<String, Animation> animations) {
        this(colours, animations, CameraMark.DEFAULT);
    }

    public Look {
        java.util.Objects.requireNonNull(camera, "camera");
        colours = Map.copyOf(colours);
        animations = Map.copyOf(animations);
        for (String key : KEYS) {
            if (!colours.containsKey(key)) {
                throw new IllegalArgumentException("colour for '" + key + "' is missing");
            }
            if (!animations.containsKey(key)) {
                throw new IllegalArgumentException("animation for '" + key + "' is missing");
            }
        }
    }

    /** CONTRACT.md section 6's colours; calls, meetings and presenting pulse, everything else is still. */
    public static Look defaults() {
        Map<String, Rgb> c = new LinkedHashMap<>();
        for (String key : KEYS) {
            c.put(key, Colours.byDefault(key));
        }
        Map<String, Animation> a = new LinkedHashMap<>();
        for (String key : KEYS) {
            a.put(key, Animation.SOLID);
        }
        for (String call : List.of("in_a_call", "in_a_meeting", "presenting")) {
            a.put(call, Animation.PULSE);
        }
        return new Look(c, a);
    }

    /**
     * This look with some keys changed.
     *
     * @throws IllegalArgumentException naming a key that is not one of {@link #KEYS}
     */
    public Look with(Map<String, Rgb> newColours, Map<String, Animation> newAnimations) {
        Map<String, Rgb> c = new LinkedHashMap<>(colours);
        newColours.forEach((k, v) -> c.put(requireKey(k), v));
        Map<String, Animation> a = new LinkedHashMap<>(animations);
        newAnimations.forEach((k, v) -> a.put(requireKey(k), v));
        return new Look(c, a, camera);
    }

    /** This look with another camera mark. */
    public Look withCamera(CameraMark mark) {
        return new Look(colours, animations, mark);
    }

    public static String requireKey(String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is not one of " + String.join(", ", KEYS));
        }
        return key;
    }

    public Rgb colour(String key) {
        return colours.get(key);
    }

    public Animation animation(String key) {
        return animations.get(key);
    }

    /**
     * The key for a status and activity: the activity when it refines the status (a call is a kind of busy), else the
     * status ({@code do_not_disturb} while presenting looks like do-not-disturb).
     */
    public static String key(Status status, Activity activity) {
        return Colours.key(status, activity);
    }
}
