package dev.onair.display.web;

import dev.onair.runtime.lifecycle.Component;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every event to every connected dashboard (CONTRACT.md section 9) without a thread per client (issue 15: a
 * thousand streams). An event is encoded once; each stream has its own bounded queue and writes through the Servlet
 * API's non-blocking output on a few shared threads. A slow client loses its oldest events, one that takes nothing
 * for {@link #stallLimit} is disconnected; neither ever delays the others or the MQTT thread that broadcasts.
 */
public final class EventHub implements Component {
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    /** Enough for a burst of retained messages at start-up from a house full of people. */
    public static final int QUEUE_CAPACITY = 256;

    /** A comment line now and then keeps proxies and Jetty's idle timeout (30 s) from closing a quiet stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** A client whose socket takes nothing for this long while events wait is gone (a sleeping phone, a dead NAT). */
    public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(60);

    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final int capacity;
    private final Duration stallLimit;
    private final AtomicInteger threads = new AtomicInteger();
    private ExecutorService writers;
    private ScheduledExecutorService sweeper;

    public EventHub(int capacity, Duration stallLimit) {
        this.capacity = capacity;
        this.stallLimit = stallLimit;
    }

    public EventHub(int capacity) {
        this(capacity, DEFAULT_STALL_LIMIT);
    }

    public EventHub() {
        this(QUEUE_CAPACITY);
    }

    @Override
    public synchronized void start() {
        if (writers != null) {
            return;
        }
        // Writes never block, so a thread per core moves every stream; more would only take turns.
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        writers = Executors.newFixedThreadPool(n, r -> daemon(r, "onair-sse-writer-" + threads.incrementAndGet()));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "onair-sse-sweeper"));
        long period = Math.min(HEARTBEAT.toMillis(), Math.max(100, stallLimit.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Sends {@code data} as event {@code name} to every client. Never blocks. */
    public void broadcast(String name, String data) {
        if (streams.isEmpty()) {
            return;
        }
        byte[] frame = encode(name, data);
        for (EventStream s : streams) {
            s.offer(frame);
        }
    }

    /** The server-sent event's bytes: a data line per line of {@code data}, as the format requires. */
    static byte[] encode(String name, String data) {
        StringBuilder sb = new StringBuilder(data.length() + name.length() + 16);
        sb.append("event: ").append(name).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The shared threads a stream writes on; only while started. */
    ExecutorService writers() {
        if (writers == null) {
            throw new IllegalStateException("the event hub is not started");
        }
        return writers;
    }

    /**
     * Takes over a stream: it first gets the current state, then every broadcast.
     *
     * @param snapshot the current state as encoded events; asked for only after the stream is registered, so a change
     *     made meanwhile is either in it or broadcast to the stream too, and put first in its queue, so nothing newer
     *     is overwritten by it
     */
    void add(EventStream stream, Supplier<List<byte[]>> snapshot) {
        streams.add(stream);
        stream.offerFirst(snapshot.get());
        log.debug("Dashboard client connected ({} now)", streams.size());
    }

    void remove(EventStream stream) {
        streams.remove(stream);
    }

    int capacity() {
        return capacity;
    }

    /** Heartbeats for quiet streams; disconnects the stalled ones. */
    private void sweep() {
        try {
            long now = System.nanoTime();
            long limit = stallLimit.toNanos();
            for (EventStream s : streams) {
                if (s.stalledFor(limit, now)) {
                    log.info("Disconnected a dashboard that took no events for {} s", stallLimit.toSeconds());
                    s.close();
                } else if (s.idle()) {
                    s.offer(KEEP_ALIVE);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Event stream sweep failed; next one in a moment", e);
        }
    }

    /** Events dropped so far because a client's queue was full (clients still connected). */
    long dropped() {
        return streams.stream().mapToLong(EventStream::dropped).sum();
    }

    public int clientCount() {
        return streams.size();
    }

    /** Disconnects everyone. */
    public void closeAll() {
        for (EventStream s : streams) {
            s.close();
        }
        streams.clear();
    }

    @Override
    public synchronized void stop() {
        closeAll();
        if (writers != null) {
            sweeper.shutdownNow();
            writers.shutdownNow();
            writers = null;
            sweeper = null;
        }
    }

    @Override
    public String name() {
        return "event hub";
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
