package dev.onair.testsupport;

import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.runtime.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link MqttConnection} without a broker, for fast unit tests of the parts that publish and subscribe: it records
 * every message that would go on the wire as {@link Sent} (topic, payload, retain, QoS), keeps the same retained table
 * as the real connection (sent again on every {@link #connect()}, clears made offline included), and hands
 * {@link #deliver} messages to the matching subscriptions. Starts disconnected; not thread-safe (tests drive it from
 * one thread).
 */
public final class RecordingMqtt implements MqttConnection {
    /** One message on the wire. QoS is always 1 for what OnAir nodes send. */
    public record Sent(String topic, String payload, boolean retain, int qos) {
        public boolean isClear() {
            return retain && payload.isEmpty();
        }
    }

    private record Subscription(TopicFilter filter, boolean asPublished, RetainHandler handler) {}

    private static final byte[] CLEAR = new byte[0];

    private final List<Sent> sent = new ArrayList<>();
    private final Map<Topic, byte[]> retained = new LinkedHashMap<>();
    private final Map<Topic, CompletableFuture<Void>> clears = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Runnable> connectedListeners = new ArrayList<>();
    private final List<Runnable> disconnectedListeners = new ArrayList<>();
    private boolean connected;
    private boolean started;

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        connected = false;
        started = false;
    }

    public boolean isStarted() {
        return started;
    }

    /** The broker answers: the retained table goes out, then the connected listeners run. */
    public void connect() {
        connected = true;
        new LinkedHashMap<>(retained).forEach((topic, payload) -> {
            record(topic, payload, true);
            if (payload == CLEAR) {
                retained.remove(topic);
                clears.remove(topic).complete(null);
            }
        });
        connectedListeners.forEach(Runnable::run);
    }

    /** The connection is lost. */
    public void drop() {
        connected = false;
        disconnectedListeners.forEach(Runnable::run);
    }

    /** A message from the broker, to every subscription whose filter matches {@code topic}. */
    public void deliver(String topic, String payload, boolean retain) throws Exception {
        for (Subscription s : List.copyOf(subscriptions)) {
            if (matches(s.filter().filter(), topic)) {
                s.handler().handle(topic, payload.getBytes(StandardCharsets.UTF_8), retain);
            }
        }
    }

    /** Every message sent so far, in order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The messages sent so far on {@code topic}. */
    public List<Sent> sent(String topic) {
        return sent.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** Forgets what was sent (not the retained table), to assert on what comes next. */
    public void clearSent() {
        sent.clear();
    }

    /** The filters subscribed to, in order. */
    public List<String> subscriptions() {
        return subscriptions.stream().map(s -> s.filter().filter()).toList();
    }

    @Override
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
    }

    @Override
    public void onDisconnected(Runnable listener) {
        disconnectedListeners.add(listener);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public CompletableFuture<Void> publishRetained(Topic topic, byte[] payload) {
        retained.put(topic, payload.clone());
        CompletableFuture<Void> replaced = clears.remove(topic);
        if (replaced != null) {
            replaced.complete(null);
        }
        if (connected) {
            record(topic, payload, true);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> clearRetained(Topic topic) {
        if (connected) {
            retained.remove(topic);
            record(topic, CLEAR, true);
            return CompletableFuture.completedFuture(null);
        }
        retained.put(topic, CLEAR);
        return clears.computeIfAbsent(topic, t -> new CompletableFuture<>());
    }

    @Override
    public CompletableFuture<Void> publish(Topic topic, byte[] payload) {
        if (!connected) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to the broker"));
        }
        record(topic, payload, false);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> subscribe(TopicFilter filter, Handler handler) {
        subscriptions.add(new Subscription(filter, false, (t, p, r) -> handler.handle(t, p)));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> subscribeAsPublished(TopicFilter filter, RetainHandler handler) {
        subscriptions.add(new Subscription(filter, true, handler));
        return CompletableFuture.completedFuture(null);
    }

    private void record(Topic topic, byte[] payload, boolean retain) {
        sent.add(new Sent(topic.name(), new String(payload, StandardCharsets.UTF_8), retain, 1));
    }

    /** MQTT topic filter matching: {@code +} is one level, a trailing {@code #} any number (zero included). */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
