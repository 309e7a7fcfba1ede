package dev.onair.bench;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.SizedPanel;
import java.util.function.Predicate;

/**
 * A panel that keeps no pixels but notes when a frame was written: the benchmarks wait on it for "the panel shows
 * this colour now", stamped with {@link System#nanoTime()} at the moment the render loop hands the frame over.
 */
public final class RecordingPanel extends SizedPanel {
    private Predicate<Frame> awaited;
    private long shownAt;
    private long frames;

    public RecordingPanel(int width, int height) {
        super(width, height);
    }

    @Override
    public void open() {}

    @Override
    public synchronized void show(Frame frame, int brightness) {
        long now = System.nanoTime();
        frames++;
        if (awaited != null && awaited.test(frame)) {
            shownAt = now;
            awaited = null;
            notifyAll();
        }
    }

    /** From now on, watch for a frame that {@code wanted} accepts. */
    public synchronized void expect(Predicate<Frame> wanted) {
        awaited = wanted;
        shownAt = 0;
    }

    /**
     * Waits for the frame given to {@link #expect}.
     *
     * @return its {@link System#nanoTime()}, or 0 when it did not come within {@code timeoutMs}
     */
    public synchronized long awaitShown(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (shownAt == 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return 0;
            }
            wait(left);
        }
        return shownAt;
    }

    /** Frames written so far. */
    public synchronized long frames() {
        return frames;
    }

    @Override
    public void close() {}

    @Override
    public String describe() {
        return "recording panel " + width() + "x" + height();
    }

    /** Whether the middle pixel is mostly {@code channel} (0 red, 1 green, 2 blue) and has none of the others. */
    public static Predicate<Frame> middleIs(int channel) {
        return frame -> {
            int p = frame.packed(frame.width() / 2, frame.height() / 2);
            int[] c = {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
            for (int i = 0; i < 3; i++) {
                if ((i == channel) != (c[i] > 0)) {
                    return false;
                }
            }
            return true;
        };
    }
}
