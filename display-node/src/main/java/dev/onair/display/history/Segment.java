package dev.onair.display.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of a person's history.
 *
 * @param person the person id
 * @param state what the person was
 * @param from when it began
 * @param to when it ended, or null while it goes on
 */
public record Segment(String person, PersonState state, Instant from, Instant to) {
    public Segment {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("segment ends at " + to + ", before it begins at " + from);
        }
    }

    /** This segment cut to {@code [start, end)}; an open one ends at {@code now} when that falls inside. */
    public Segment clip(Instant start, Instant end, Instant now) {
        Instant a = from.isBefore(start) ? start : from;
        Instant b;
        if (to == null) {
            b = now.isBefore(end) ? null : end;
        } else {
            b = to.isAfter(end) ? end : to;
        }
        if (b != null && b.isBefore(a)) {
            b = a;
        }
        return new Segment(person, state, a, b);
    }

    /** The end to count with: {@code to}, or {@code now} for an open segment. */
    public Instant endOr(Instant now) {
        return to == null ? now : to;
    }
}
