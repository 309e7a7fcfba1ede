package dev.onair.display.hat;

/**
 * Keeps a minimum gap between the end of one transfer and the start of the next. Pimoroni's unicornhathd library
 * sleeps {@code _DELAY = 1.0/120} after every {@code xfer2} in {@code show()} (pimoroni/unicorn-hat-hd,
 * {@code library/unicornhathd/__init__.py}), so the HAT's microcontroller never sees two frames closer than that;
 * OnAir's render loop can send catch-up frames back to back after a stall, and wakes between ticks on every message.
 */
final class FramePacer {
    static final long HAT_HD_GAP_NANOS = 1_000_000_000L / 120;

    /** Time for the pacer: the system's in production, a fake one in tests. */
    interface Ticker {
        long nanoTime();

        /** Sleeps {@code nanos}, to the end even when interrupted (the interrupt is kept for the caller). */
        void sleepNanos(long nanos);
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) {
            // Stopping interrupts the render thread just before the panel's last (black) frame: still wait for it.
            long end = System.nanoTime() + nanos;
            boolean interrupted = false;
            for (long left = nanos; left > 0; left = end - System.nanoTime()) {
                try {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    };

    private final Ticker ticker;
    private final long gapNanos;
    private boolean sentAny;
    private long lastSent;

    FramePacer(Ticker ticker, long gapNanos) {
        this.ticker = ticker;
        this.gapNanos = gapNanos;
    }

    /** Waits until the gap since the last transfer has passed. */
    synchronized void awaitTurn() {
        if (sentAny) {
            long wait = lastSent + gapNanos - ticker.nanoTime();
            if (wait > 0) {
                ticker.sleepNanos(wait);
            }
        }
    }

    /** Marks the end of a transfer. */
    synchronized void sent() {
        lastSent = ticker.nanoTime();
        sentAny = true;
    }
}
