package dev.onair.bridge.ntfy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.runtime.lifecycle.Component;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification to ntfy when a person's status changes. Requests go out one at a time on a thread of their own
 * from a bounded queue, so a slow or dead ntfy server costs at most a few queued notifications (dropped with a
 * warning) and never delays MQTT work. Uses ntfy's JSON publishing (a POST to the server's root), which carries the
 * title and tags in the body and so any name in UTF-8.
 */
public final class NtfyNotifier implements Component {
    private static final Logger log = LoggerFactory.getLogger(NtfyNotifier.class);

    /** Notifications waiting while one is being sent; more are dropped. */
    static final int QUEUE = 32;

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final NtfyConfig config;
    private HttpClient client;
    private ThreadPoolExecutor sender;

    public NtfyNotifier(NtfyConfig config) {
        this.config = config;
    }

    @Override
    public void start() {
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "onair-ntfy");
            t.setDaemon(true);
            return t;
        });
        log.info("Notifying status changes to {} topic {}", config.server(), config.topic());
    }

    @Override
    public void stop() {
        if (sender != null) {
            sender.shutdownNow();
        }
    }

    /** Queues a notification if the change qualifies; returns at once. */
    public void statusChanged(String name, Presence before, Presence after) {
        if (sender == null || !config.wants(after.person(), after.status())) {
            return;
        }
        byte[] body = body(name, before, after);
        try {
            sender.execute(() -> send(after.person(), body));
        } catch (RejectedExecutionException e) {
            log.warn("ntfy is not keeping up; dropped the notification for {}", after.person());
        }
    }

    byte[] body(String name, Presence before, Presence after) {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("topic", config.topic());
        o.put("title", name + " is " + words(after.status()));
        String activity = after.activity().wire().equals(after.status().wire())
                ? ""
                : " (" + after.activity().wire().replace('_', ' ') + ")";
        o.put(
                "message",
                name + " is now " + words(after.status()) + activity + ", was " + words(before.status()) + ".");
        o.putArray("tags").add(tag(after.status())).add("onair");
        o.put("priority", after.status() == Status.DO_NOT_DISTURB ? 4 : 3);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(String person, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (config.token() != null) {
            request.header("Authorization", "Bearer " + config.token());
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("ntfy answered {} to the notification for {}", response.statusCode(), person);
            } else {
                log.debug("Notified ntfy about {}", person);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not notify ntfy at {} about {}: {}", config.server(), person, e.toString());
        }
    }

    private URI root() {
        String s = config.server().toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    static String words(Status status) {
        return status.wire().replace('_', ' ');
    }

    /** ntfy turns known tags into emoji. */
    static String tag(Status status) {
        return switch (status) {
            case AVAILABLE -> "green_circle";
            case BUSY -> "red_circle";
            case DO_NOT_DISTURB -> "no_entry";
            case BE_RIGHT_BACK, AWAY -> "yellow_circle";
            case OFFLINE -> "white_circle";
            case UNKNOWN -> "grey_question";
        };
    }

    @Override
    public String name() {
        return "ntfy";
    }

    @Override
    public String toString() {
        return "NtfyNotifier[" + config + "]";
    }
}
