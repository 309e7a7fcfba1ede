package dev.onair.bridge.today;

import dev.onair.protocol.Availability;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One person's time today, counted from the presence stream (issue 15): busy while the status is {@code busy} or
 * {@code do_not_disturb} (as the Busy binary sensor shows it), in a call while {@code in_call} is true (or, when the
 * publisher cannot tell, while the activity is a call, a meeting or presenting). Nothing counts while the person's
 * availability is {@code offline}: their last presence is then stale. Counting restarts at 0 at local midnight; a
 * stretch across midnight is split at midnight. Not thread-safe: the bridge calls it from one thread.
 */
final class DayCounter {
    private final ZoneId zone;
    private LocalDate date;
    private long callMillis;
    private long busyMillis;
    private Presence presence;
    private Availability availability;
    private Instant last;

    DayCounter(ZoneId zone, Instant now) {
        this.zone = zone;
        this.date = LocalDate.ofInstant(now, zone);
        this.last = now;
    }

    /** A new presence; the time up to {@code now} counts by the one before. */
    void presence(Presence p, Instant now) {
        advance(now);
        presence = p;
    }

    void availability(Availability a, Instant now) {
        advance(now);
        availability = a;
    }

    /** Adds what a bridge that ran earlier today counted (read back from its retained totals); other days are ignored. */
    void restore(Totals saved, Instant now) {
        advance(now);
        if (saved.date().equals(date)) {
            callMillis = Math.min(Duration.ofDays(1).toMillis(), callMillis + saved.callSeconds() * 1000);
            busyMillis = Math.min(Duration.ofDays(1).toMillis(), busyMillis + saved.busySeconds() * 1000);
        }
    }

    /** Whether there is anything to show: a presence, or totals restored from an earlier run. */
    boolean seen() {
        return presence != null || callMillis > 0 || busyMillis > 0;
    }

    /** Counts up to {@code now} and returns today's totals. */
    Totals totals(Instant now) {
        advance(now);
        return new Totals(date, callMillis / 1000, busyMillis / 1000);
    }

    private void advance(Instant now) {
        while (last.isBefore(now)) {
            Instant midnight = date.plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = now.isBefore(midnight) ? now : midnight;
            long ms = Duration.between(last, end).toMillis();
            if (counting()) {
                if (isBusy()) {
                    busyMillis += ms;
                }
                if (isInCall()) {
                    callMillis += ms;
                }
            }
            last = end;
            if (!end.isBefore(midnight)) {
                date = date.plusDays(1);
                callMillis = 0;
                busyMillis = 0;
            }
        }
        // A clock set back: count from the new time on, never backwards.
        if (now.isBefore(last)) {
            last = now;
            LocalDate today = LocalDate.ofInstant(now, zone);
            if (today.isBefore(date)) {
                date = today;
            }
        }
    }

    private boolean counting() {
        return presence != null && availability != Availability.OFFLINE;
    }

    private boolean isBusy() {
        return presence.status() == Status.BUSY || presence.status() == Status.DO_NOT_DISTURB;
    }

    private boolean isInCall() {
        return presence.inCall() != null
                ? presence.inCall()
                : presence.activity().isCallLike();
    }
}
