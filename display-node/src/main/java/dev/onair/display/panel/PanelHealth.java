package dev.onair.display.panel;

import java.time.Instant;

/**
 * Whether the panel is taking its frames. A panel that fails (a loose HAT, a restarted daemon, a refused SPI
 * transfer) fails every frame until it works again, so the caller logs the first failure of a run and the recovery,
 * and {@code /healthz} and the dashboard show the run while it lasts. Thread-safe.
 */
public final class PanelHealth {
    /**
     * @param ok whether the last frame reached the panel
     * @param failedFrames the frames that failed since it last worked (0 when ok)
     * @param error the last failure, or null when ok
     * @param since when the run of failures started, or null when ok
     */
    public record Status(boolean ok, long failedFrames, String error, Instant since) {
        static final Status OK = new Status(true, 0, null, null);
    }

    private Status status = Status.OK;

    /** Records a failed frame; true when it starts a run of failures (the one to log). */
    public synchronized boolean failed(Exception e, Instant now) {
        boolean first = status.ok();
        status = new Status(false, status.failedFrames() + 1, e.toString(), first ? now : status.since());
        return first;
    }

    /** Records a frame that reached the panel; the failed frames of the run it ends, 0 when there was none. */
    public synchronized long worked() {
        long failed = status.failedFrames();
        status = Status.OK;
        return failed;
    }

    public synchronized Status status() {
        return status;
    }
}
