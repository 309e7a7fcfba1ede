package dev.onair.display.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * One dashboard's event stream over the Servlet API's non-blocking output (issue 15): a bounded queue of encoded
 * events, written only while the socket takes them. Nothing here ever waits on the client: a write the socket
 * cannot take now is finished by Jetty, which calls {@link #onWritePossible()} when there is room. A client that
 * reads slowly loses its oldest events; the hub disconnects one that takes nothing for its stall limit.
 *
 * <p>Writes happen on the hub's few shared threads or Jetty's, one at a time per stream (the servlet rule: call
 * {@code isReady()} before every write, never write while a write is pending).
 */
final class EventStream implements WriteListener {
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final int capacity;
    private final Executor writers;
    private final LongSupplier nanoClock;
    private final Runnable onGone;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean unflushed;
    private long dropped;
    /** When the socket last took bytes, or the queue was last empty: what a stalled client stops moving. */
    private volatile long lastProgress;

    EventStream(
            AsyncContext async,
            ServletOutputStream out,
            int capacity,
            Executor writers,
            LongSupplier nanoClock,
            Runnable onGone) {
        this.async = async;
        this.out = out;
        this.capacity = capacity;
        this.writers = writers;
        this.nanoClock = nanoClock;
        this.onGone = onGone;
        this.lastProgress = nanoClock.getAsLong();
    }

    /** Queues an encoded event (dropping the oldest when full) and makes sure a writer will send it. */
    void offer(byte[] frame) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(frame);
        }
        schedule();
    }

    /** Puts {@code frames} before everything queued, in their order: the state a new dashboard needs first. */
    void offerFirst(List<byte[]> frames) {
        synchronized (queue) {
            for (int i = frames.size() - 1; i >= 0; i--) {
                queue.addFirst(frames.get(i));
            }
            while (queue.size() > capacity) {
                queue.pollLast();
                dropped++;
            }
        }
        schedule();
    }

    long dropped() {
        synchronized (queue) {
            return dropped;
        }
    }

    /** Whether events wait and the socket has taken nothing for {@code limitNanos}. */
    boolean stalledFor(long limitNanos, long now) {
        synchronized (queue) {
            return !queue.isEmpty() && now - lastProgress > limitNanos;
        }
    }

    boolean idle() {
        synchronized (queue) {
            return queue.isEmpty();
        }
    }

    /** Called by Jetty once the stream is registered and again whenever a pending write has completed. */
    @Override
    public void onWritePossible() {
        pump();
    }

    /** The client went away mid-write, or the connection failed. */
    @Override
    public void onError(Throwable t) {
        close();
    }

    private void schedule() {
        if (!closed.get() && scheduled.compareAndSet(false, true)) {
            writers.execute(() -> {
                scheduled.set(false);
                pump();
            });
        }
    }

    /** Writes while the socket takes bytes; returns at once when it does not (Jetty calls back when it does). */
    private void pump() {
        if (closed.get()) {
            return;
        }
        try {
            synchronized (this) {
                while (out.isReady()) {
                    byte[] next;
                    synchronized (queue) {
                        next = queue.pollFirst();
                        if (next == null) {
                            lastProgress = nanoClock.getAsLong();
                        }
                    }
                    if (next == null) {
                        if (!unflushed) {
                            return;
                        }
                        // Jetty aggregates small writes; a flush (itself non-blocking here) puts them on the wire.
                        unflushed = false;
                        out.flush();
                        continue;
                    }
                    out.write(next);
                    unflushed = true;
                    lastProgress = nanoClock.getAsLong();
                }
            }
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    /** Ends the stream; the first call runs {@code onGone}. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onGone.run();
        try {
            async.complete();
        } catch (RuntimeException e) {
            // Already completed by the container (the client went away).
        }
    }
}
