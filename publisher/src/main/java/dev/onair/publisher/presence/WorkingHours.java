package dev.onair.publisher.presence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the person works: outside these hours the publisher says {@code offline} (source {@code schedule}) unless
 * an override is in force. Written as {@code Mon-Fri 08:00-17:30}, several rules separated by commas
 * ({@code Mon-Thu 08:00-17:00,Fri 08:00-12:00}).
 *
 * @param rules the working periods; at least one
 * @param zone the time zone the hours are in
 */
public record WorkingHours(List<Rule> rules, ZoneId zone) {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** Working time on some days of the week, {@code start} inclusive, {@code end} exclusive. */
    public record Rule(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        public Rule {
            days = Set.copyOf(days);
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a working-hours rule needs at least one day");
            }
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("working hours " + start + "-" + end + " must end after they start");
            }
        }

        boolean covers(ZonedDateTime t) {
            LocalTime time = t.toLocalTime();
            return days.contains(t.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
        }
    }

    public WorkingHours {
        rules = List.copyOf(rules);
        Objects.requireNonNull(zone, "zone");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("working hours need at least one rule such as 'Mon-Fri 08:00-17:00'");
        }
    }

    /**
     * Parses {@code Mon-Fri 08:00-17:30[,Sat 09:00-12:00...]}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static WorkingHours parse(String text, ZoneId zone) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            String rule = part.trim();
            if (rule.isEmpty()) {
                continue;
            }
            String[] fields = rule.split("\\s+");
            if (fields.length != 2) {
                throw new IllegalArgumentException(
                        "'" + rule + "' is not like 'Mon-Fri 08:00-17:00' (days, a space, then the hours)");
            }
            String[] hours = fields[1].split("-");
            if (hours.length != 2) {
                throw new IllegalArgumentException("'" + fields[1] + "' is not a time range like 08:00-17:00");
            }
            try {
                rules.add(new Rule(days(fields[0]), LocalTime.parse(hours[0]), LocalTime.parse(hours[1])));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + fields[1] + "' is not a time range like 08:00-17:00");
            }
        }
        return new WorkingHours(rules, zone);
    }

    private static Set<DayOfWeek> days(String text) {
        String[] ends = text.toLowerCase(Locale.ROOT).split("-");
        if (ends.length > 2) {
            throw new IllegalArgumentException("'" + text + "' is not a day or a range of days like Mon-Fri");
        }
        DayOfWeek from = day(ends[0]);
        DayOfWeek to = ends.length == 2 ? day(ends[1]) : from;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = from; ; d = d.plus(1)) {
            days.add(d);
            if (d == to) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String text) {
        String key = text.length() >= 3 ? text.substring(0, 3) : text;
        int i = DAYS.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
        }
        return DayOfWeek.of(i + 1);
    }

    /** Whether {@code now} is inside the working hours. */
    public boolean isWorking(Instant now) {
        ZonedDateTime t = now.atZone(zone);
        return rules.stream().anyMatch(r -> r.covers(t));
    }

    /** The next instant after {@code now} when {@link #isWorking} changes; empty if it never does. */
    public Optional<Instant> nextChange(Instant now) {
        boolean working = isWorking(now);
        LocalDate today = now.atZone(zone).toLocalDate();
        TreeSet<Instant> boundaries = new TreeSet<>();
        for (int d = -1; d <= 8; d++) {
            LocalDate date = today.plusDays(d);
            for (Rule r : rules) {
                if (r.days.contains(date.getDayOfWeek())) {
                    boundaries.add(date.atTime(r.start).atZone(zone).toInstant());
                    boundaries.add(date.atTime(r.end).atZone(zone).toInstant());
                }
            }
        }
        return boundaries.tailSet(now, false).stream()
                .filter(b -> isWorking(b) != working)
                .findFirst();
    }
}
