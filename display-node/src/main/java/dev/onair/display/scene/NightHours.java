package dev.onair.display.scene;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * Hours when the panel is dimmed or off, such as {@code 22:00-07:00} (a span may cross midnight).
 *
 * @param from when the night starts (inclusive)
 * @param to when it ends (exclusive)
 * @param mode dim or off
 * @param dimBrightness the brightness cap while dimmed, 0 to 255
 */
public record NightHours(LocalTime from, LocalTime to, Mode mode, int dimBrightness) {
    public enum Mode {
        DIM,
        OFF;

        public static Mode parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "dim" -> DIM;
                case "off" -> OFF;
                default -> throw new IllegalArgumentException("night mode '" + name + "' is not dim or off");
            };
        }
    }

    public NightHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(mode, "mode");
        if (from.equals(to)) {
            throw new IllegalArgumentException("night hours " + from + "-" + to + " start and end at the same time");
        }
        if (dimBrightness < 0 || dimBrightness > 255) {
            throw new IllegalArgumentException("night brightness " + dimBrightness + " is outside 0..255");
        }
    }

    /** Parses {@code HH:MM-HH:MM}. */
    public static NightHours parse(String span, Mode mode, int dimBrightness) {
        String[] parts = span.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("night hours '" + span + "' are not of the form HH:MM-HH:MM");
        }
        try {
            return new NightHours(
                    LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()), mode, dimBrightness);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("night hours '" + span + "' are not of the form HH:MM-HH:MM");
        }
    }

    public boolean contains(LocalTime time) {
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    /** The brightness to use at {@code time} for a display set to {@code brightness}. */
    public int apply(int brightness, LocalTime time) {
        if (!contains(time)) {
            return brightness;
        }
        return mode == Mode.OFF ? 0 : Math.min(brightness, dimBrightness);
    }
}
