package dev.onair.display.web;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every event to every connected dashboard (CONTRACT.md section 9). Each client has its own bounded queue and
 * its own sender thread: a client that reads slowly loses its oldest events, and one that never reads stalls only
 * its own thread, never the others or the MQTT thread that broadcasts.
 */
public final class EventHub {
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    /** Enough for a burst of retained messages at start-up from a house full of people. */
    public static final int QUEUE_CAPACITY = 256;

    /** Dashboards are a handful of phones; more clients than this are refused rather than each given a thread. */
    public static final int MAX_CLIENTS = 64;

    private final Set<SseSubscriber> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private final int capacity;

    public EventHub(int capacity) {
        this.capacity = capacity;
    }

    public EventHub() {
        this(QUEUE_CAPACITY);
    }

    /** Sends {@code data} as event {@code name} to every client. Never blocks. */
    public void broadcast(String name, String data) {
        SseEvent event = new SseEvent(name, data);
        for (SseSubscriber c : clients) {
            c.offer(event);
        }
    }

    /**
     * Takes over an SSE connection: the client first gets the current state, then every broadcast.
     *
     * @param snapshot the current state as events; taken after the client is registered, so no change made
     *     meanwhile is lost, and put first in its queue, so nothing newer is overwritten by it
     * @return false when there are too many clients already
     */
    boolean add(SseClient client, Supplier<List<SseEvent>> snapshot) {
        return add(client, snapshot, () -> {});
    }

    /** As {@link #add(SseClient, Supplier)}; {@code onGone} runs once when an added client's stream ends. */
    boolean add(SseClient client, Supplier<List<SseEvent>> snapshot, Runnable onGone) {
        if (clients.size() >= MAX_CLIENTS) {
            return false;
        }
        SseSubscriber subscriber =
                new SseSubscriber(client, capacity, "onair-sse-" + counter.incrementAndGet(), gone -> {
                    clients.remove(gone);
                    onGone.run();
                });
        clients.add(subscriber);
        subscriber.offerFirst(snapshot.get());
        subscriber.start();
        log.debug("Dashboard client connected ({} now)", clients.size());
        return true;
    }

    /** Events dropped so far because a client's queue was full (clients still connected). */
    long dropped() {
        return clients.stream().mapToLong(SseSubscriber::dropped).sum();
    }

    public int clientCount() {
        return clients.size();
    }

    /** Disconnects everyone. */
    public void closeAll() {
        for (SseSubscriber c : clients) {
            c.close();
        }
        clients.clear();
    }

    /** One named server-sent event. */
    record SseEvent(String name, String data) {}
}
