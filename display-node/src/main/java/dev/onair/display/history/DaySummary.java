package dev.onair.display.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One local day of a person's history.
 *
 * @param date the local date
 * @param secondsByStatus seconds spent in each status that day (statuses never seen are absent)
 * @param secondsInCalls seconds in a call or meeting
 * @param calls calls that began that day
 * @param firstSeen the first moment that day the person was not offline, or null
 * @param lastSeen the last such moment (now, while it goes on), or null
 */
public record DaySummary(
        LocalDate date,
        Map<String, Long> secondsByStatus,
        long secondsInCalls,
        int calls,
        Instant firstSeen,
        Instant lastSeen) {

    /**
     * The days {@code from} to {@code to} (both included) in {@code zone}, from a person's segments oldest first. An
     * open segment counts until {@code now}; a day has as many hours as the zone gives it (23 or 25 on DST days).
     */
    public static List<DaySummary> of(List<Segment> segments, LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        Map<LocalDate, Tally> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new Tally());
        }
        Segment previous = null;
        for (Segment s : segments) {
            Instant end = s.endOr(now);
            boolean callStart = Boolean.TRUE.equals(s.state().inCall())
                    && (previous == null
                            || !Boolean.TRUE.equals(previous.state().inCall()));
            if (callStart) {
                Tally t = days.get(LocalDate.ofInstant(s.from(), zone));
                if (t != null) {
                    t.calls++;
                }
            }
            previous = s;
            for (LocalDate d = LocalDate.ofInstant(s.from(), zone); ; d = d.plusDays(1)) {
                Instant dayStart = d.atStartOfDay(zone).toInstant();
                if (!dayStart.isBefore(end) || d.isAfter(to)) {
                    break;
                }
                Tally t = days.get(d);
                if (t == null) {
                    continue;
                }
                Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
                Instant a = s.from().isBefore(dayStart) ? dayStart : s.from();
                Instant b = end.isAfter(dayEnd) ? dayEnd : end;
                if (b.isAfter(a)) {
                    t.add(s.state(), a, b);
                }
            }
        }
        List<DaySummary> out = new ArrayList<>();
        days.forEach((d, t) -> out.add(t.summary(d)));
        return out;
    }

    private static final class Tally {
        private final Map<String, Long> millis = new LinkedHashMap<>();
        private long callMillis;
        private int calls;
        private Instant first;
        private Instant last;

        void add(PersonState state, Instant a, Instant b) {
            long ms = Duration.between(a, b).toMillis();
            millis.merge(state.status(), ms, Long::sum);
            if (Boolean.TRUE.equals(state.inCall())) {
                callMillis += ms;
            }
            if (!state.status().equals("offline")) {
                first = first == null || a.isBefore(first) ? a : first;
                last = last == null || b.isAfter(last) ? b : last;
            }
        }

        DaySummary summary(LocalDate date) {
            Map<String, Long> seconds = new LinkedHashMap<>();
            millis.forEach((status, ms) -> seconds.put(status, ms / 1000));
            return new DaySummary(date, seconds, callMillis / 1000, calls, first, last);
        }
    }
}
