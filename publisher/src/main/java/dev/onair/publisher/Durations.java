package dev.onair.publisher;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 30m}, {@code 1h30m}, {@code 90s}, {@code 2d}, or ISO-8601 {@code PT30M}. */
public final class Durations {
    private static final Pattern FRIENDLY = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {}

    /**
     * Parses a positive duration.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Duration d = null;
        if (value.startsWith("p")) {
            try {
                d = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                d = null;
            }
        } else {
            Matcher m = FRIENDLY.matcher(value);
            if (!value.isEmpty() && m.matches()) {
                d = Duration.ofDays(number(m.group(1)))
                        .plusHours(number(m.group(2)))
                        .plusMinutes(number(m.group(3)))
                        .plusSeconds(number(m.group(4)));
            }
        }
        if (d == null) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 30m, 1h30m, 90s or PT30M");
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("duration '" + text + "' must be longer than zero");
        }
        return d;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
