package dev.onair.runtime.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of every OnAir option: units largest first, each at most once ({@code 500ms}, {@code 90s},
 * {@code 15m}, {@code 1h30m}, {@code 2d}), a plain number of seconds ({@code 30}, what the display's
 * {@code --rotate-seconds} took), or ISO-8601 ({@code PT15M}). Commands read duration options with
 * {@link ConfigErrors#duration}; zero is a duration, and a config record that needs more says so.
 */
public final class Durations {
    private static final Pattern UNITS =
            Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    private Durations() {}

    /**
     * Parses a duration that is not negative.
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
        } else if (SECONDS.matcher(value).matches()) {
            d = Duration.ofSeconds(Long.parseLong(value));
        } else {
            Matcher m = UNITS.matcher(value);
            if (!value.isEmpty() && m.matches()) {
                d = Duration.ofDays(number(m.group(1)))
                        .plusHours(number(m.group(2)))
                        .plusMinutes(number(m.group(3)))
                        .plusSeconds(number(m.group(4)))
                        .plusMillis(number(m.group(5)));
            }
        }
        if (d == null) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 500ms, 90s, 15m, 1h30m or PT15M");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration '" + text + "' must not be negative");
        }
        return d;
    }

    /**
     * Writes {@code d} in this grammar, largest unit first ({@code 5s}, {@code 1h30m}, {@code 7d}; zero is
     * {@code 0s}): how a default kept as a {@link Duration} constant shows in help text and reads back unchanged.
     */
    public static String format(Duration d) {
        long[] amounts = {d.toDaysPart(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart()};
        String[] units = {"d", "h", "m", "s", "ms"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] != 0) {
                text.append(amounts[i]).append(units[i]);
            }
        }
        return text.isEmpty() ? "0s" : text.toString();
    }

    /** Parses a duration longer than zero. */
    public static Duration parsePositive(String text) {
        return requirePositive(parse(text), "duration '" + text + "'");
    }

    /** @throws IllegalArgumentException "{@code what} must be longer than zero" when {@code d} is zero or negative */
    public static Duration requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be longer than zero");
        }
        return d;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
