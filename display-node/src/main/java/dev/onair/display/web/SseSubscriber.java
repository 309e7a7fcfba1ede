package dev.onair.display.web;

import dev.onair.display.web.EventHub.SseEvent;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/** One dashboard's event stream: a bounded queue that drops its oldest event when full, and a thread that sends. */
final class SseSubscriber {
    /** A comment line now and then keeps proxies and Jetty's idle timeout from closing a quiet stream. */
    private static final long HEARTBEAT_MS = 15_000;

    private final SseClient client;
    private final int capacity;
    private final Thread sender;
    private final Consumer<SseSubscriber> onGone;
    private final ArrayDeque<SseEvent> queue = new ArrayDeque<>();
    private volatile boolean closed;
    private long dropped;

    SseSubscriber(SseClient client, int capacity, String threadName, Consumer<SseSubscriber> onGone) {
        this.client = client;
        this.capacity = capacity;
        this.onGone = onGone;
        this.sender = new Thread(this::run, threadName);
        this.sender.setDaemon(true);
    }

    void start() {
        client.onClose(this::close);
        sender.start();
    }

    void offer(SseEvent event) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(event);
            queue.notifyAll();
        }
    }

    /** Puts {@code events} before everything queued, in their order. */
    void offerFirst(List<SseEvent> events) {
        synchronized (queue) {
            for (int i = events.size() - 1; i >= 0; i--) {
                queue.addFirst(events.get(i));
            }
            while (queue.size() > capacity) {
                queue.pollLast();
                dropped++;
            }
            queue.notifyAll();
        }
    }

    long dropped() {
        synchronized (queue) {
            return dropped;
        }
    }

    private void run() {
        try {
            while (!closed && !client.terminated()) {
                SseEvent event;
                synchronized (queue) {
                    if (queue.isEmpty()) {
                        queue.wait(HEARTBEAT_MS);
                    }
                    event = queue.pollFirst();
                }
                if (event == null) {
                    client.sendComment("keep-alive");
                } else {
                    client.sendEvent(event.name(), event.data());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The browser went away mid-write; the stream is over.
        } finally {
            close();
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        onGone.accept(this);
        sender.interrupt();
        try {
            client.close();
        } catch (RuntimeException e) {
            // Already closed by the other side.
        }
    }
}
