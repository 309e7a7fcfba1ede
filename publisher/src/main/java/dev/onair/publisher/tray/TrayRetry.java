package dev.onair.publisher.tray;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Tries again, on a scheduler, until an attempt works: first after {@code first}, then twice as long each time, up to
 * {@code max}. Nothing spins and nothing waits on the caller's thread; {@link #cancel} stops it.
 */
final class TrayRetry {
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier attempt;
    private final Duration max;
    private Duration next;
    private ScheduledFuture<?> pending;
    private boolean cancelled;

    /** @param attempt true when it worked, false to try again */
    TrayRetry(ScheduledExecutorService scheduler, BooleanSupplier attempt, Duration first, Duration max) {
        this.scheduler = scheduler;
        this.attempt = attempt;
        this.next = first;
        this.max = max;
    }

    /** The delays, in order: {@code first}, doubled each time, capped at {@code max}. */
    static Duration after(Duration delay, Duration max) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    synchronized void schedule() {
        if (cancelled) {
            return;
        }
        Duration delay = next;
        next = after(next, max);
        pending = scheduler.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void cancel() {
        cancelled = true;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void run() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
        }
        if (!attempt.getAsBoolean()) {
            schedule();
        }
    }
}
