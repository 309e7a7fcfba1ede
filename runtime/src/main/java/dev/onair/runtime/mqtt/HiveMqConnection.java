package dev.onair.runtime.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.onair.protocol.Availability;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicFilter;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MqttConnection} on the HiveMQ client: TLS, credentials, the availability will (CONTRACT.md section 2),
 * automatic reconnect with backoff, and convergence: the retained table and the subscriptions below are sent again
 * on every connect, so the broker's state always ends up right after a broker restart, sleep or network loss.
 */
public final class HiveMqConnection implements MqttConnection {
    // Logged under the interface's name, the one operators' and the tests' logging configurations know.
    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /** What the broker should retain on a topic: a payload, or a clear ({@code cleared} completes once it is sent). */
    private record Retained(byte[] payload, CompletableFuture<Void> cleared) {
        boolean isClear() {
            return cleared != null;
        }
    }

    /** A subscription the node asked for; {@code sent} until a connection loses it before the broker answered. */
    private record Subscription(
            TopicFilter filter,
            boolean asPublished,
            Consumer<Mqtt5Publish> callback,
            CompletableFuture<Void> granted,
            AtomicBoolean sent) {}

    private final BrokerSettings settings;
    private final String clientId;
    private final Topic availabilityTopic;
    private final Map<Topic, Retained> retained = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> disconnectedListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();
    /**
     * Held while a retained value is recorded and (if connected) sent, and while a connect replays the table, so a
     * value put during a connect goes out exactly once: never both by the replay and by the caller.
     */
    private final Object retainedLock = new Object();

    private volatile boolean stopping;
    private volatile Mqtt5AsyncClient client;

    /**
     * @param availabilityTopic the node's availability topic, set as its will; null for a node without one
     */
    public HiveMqConnection(BrokerSettings settings, String clientId, Topic availabilityTopic) {
        this.settings = settings;
        this.clientId = clientId;
        this.availabilityTopic = availabilityTopic;
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
    public void start() throws IOException, GeneralSecurityException {
        BrokerAddress address = settings.address();
        client = HiveMqClients.build(settings, clientId, availabilityTopic)
                .addConnectedListener(context -> connected())
                .addDisconnectedListener(this::disconnected)
                .buildAsync();
        log.info("Connecting to {} as {} (client id {})", address, ConnectionTrouble.user(settings), clientId);
        client.connectWith().cleanStart(true).keepAlive(30).send().whenComplete((ack, error) -> {
            // Failures are reported by the disconnected listener, which also schedules the retry.
        });
    }

    /** Waits at most two seconds for the {@code offline} message and the disconnect. */
    @Override
    public void stop() {
        stopping = true;
        if (client == null) {
            return;
        }
        try {
            if (connected.get() && availabilityTopic != null) {
                send(availabilityTopic, Availability.OFFLINE.payload(), true).get(2, TimeUnit.SECONDS);
            }
            client.disconnect().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("Disconnect did not finish cleanly: {}", e.toString());
        }
    }

    @Override
    public boolean isConnected() {
        return connected.get();
    }

    @Override
    public CompletableFuture<Void> publishRetained(Topic topic, byte[] payload) {
        synchronized (retainedLock) {
            Retained previous = retained.put(topic, new Retained(payload.clone(), null));
            if (previous != null && previous.isClear()) {
                previous.cleared().complete(null); // a newer value replaces the clear
            }
            if (!connected.get()) {
                return CompletableFuture.completedFuture(null); // the connect's replay sends it
            }
            return send(topic, payload, true);
        }
    }

    @Override
    public CompletableFuture<Void> clearRetained(Topic topic) {
        Retained clear = new Retained(new byte[0], new CompletableFuture<>());
        synchronized (retainedLock) {
            retained.put(topic, clear);
            if (connected.get()) {
                sendClear(topic, clear);
            }
        }
        return clear.cleared();
    }

    @Override
    public CompletableFuture<Void> publish(Topic topic, byte[] payload) {
        if (!connected.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to the broker"));
        }
        return send(topic, payload, false);
    }

    @Override
    public CompletableFuture<Void> subscribe(TopicFilter filter, Handler handler) {
        return add(filter, false, publish -> dispatch(handler, publish));
    }

    @Override
    public CompletableFuture<Void> subscribeAsPublished(TopicFilter filter, RetainHandler handler) {
        return add(filter, true, publish -> dispatch((t, p) -> handler.handle(t, p, publish.isRetain()), publish));
    }

    private CompletableFuture<Void> add(TopicFilter filter, boolean asPublished, Consumer<Mqtt5Publish> callback) {
        Subscription s =
                new Subscription(filter, asPublished, callback, new CompletableFuture<>(), new AtomicBoolean());
        subscriptions.add(s);
        if (connected.get()) {
            sendSubscription(s);
        }
        return s.granted();
    }

    /** Sends {@code s} unless it was already; completes when the broker answered (or the connection went). */
    private CompletableFuture<?> sendSubscription(Subscription s) {
        if (!s.sent().compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null); // the client itself subscribes again on a reconnect
        }
        return client.subscribeWith()
                .topicFilter(s.filter().filter())
                .qos(MqttQos.AT_LEAST_ONCE)
                .retainAsPublished(s.asPublished())
                .callback(s.callback())
                .send()
                .whenComplete((ack, error) -> {
                    Throwable cause =
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (cause == null) {
                        log.debug("Subscribed to {}{}", s.filter(), s.asPublished() ? " (retain as published)" : "");
                        s.granted().complete(null);
                    } else if (cause instanceof Mqtt5SubAckException) {
                        s.granted().completeExceptionally(cause); // refused: asking again would not help
                    } else {
                        s.sent().set(false); // the connection went before the broker answered: ask on reconnect
                    }
                });
    }

    private void sendClear(Topic topic, Retained clear) {
        send(topic, clear.payload(), true).thenRun(() -> {
            retained.remove(topic, clear);
            clear.cleared().complete(null);
        });
    }

    private void dispatch(Handler handler, Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        try {
            handler.handle(topic, publish.getPayloadAsBytes());
        } catch (RuntimeException e) {
            log.error("Bug while handling a message on {}; message dropped", topic, e);
        } catch (Exception e) {
            log.warn("Dropped message on {}: {}", topic, e.getMessage());
            log.debug("Handler failure on {}", topic, e);
        }
    }

    private CompletableFuture<Void> send(Topic topic, byte[] payload, boolean retain) {
        return client.publishWith()
                .topic(topic.name())
                .payload(payload)
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(retain)
                .send()
                .thenAccept(result -> result.getError()
                        .ifPresent(error ->
                                log.warn("Broker did not accept the message on {}: {}", topic, error.getMessage())));
    }

    private void connected() {
        failures.set(0);
        log.info("Connected to {}", settings.address());
        synchronized (retainedLock) {
            connected.set(true);
            retained.forEach((topic, r) -> {
                if (r.isClear()) {
                    sendClear(topic, r);
                } else {
                    send(topic, r.payload(), true);
                }
            });
        }
        // "online" goes out once the broker has answered the subscriptions: a node that says it is online takes
        // commands, so a command sent on seeing "online" is never lost to a subscription still in flight.
        CompletableFuture<?>[] answered =
                subscriptions.stream().map(this::sendSubscription).toArray(CompletableFuture<?>[]::new);
        if (availabilityTopic != null) {
            CompletableFuture.allOf(answered).handle((ok, error) -> {
                if (connected.get()) {
                    send(availabilityTopic, Availability.ONLINE.payload(), true);
                }
                return null;
            });
        }
        notify(connectedListeners, "Connected");
    }

    private static void notify(List<Runnable> listeners, String what) {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("{} listener failed", what, e);
            }
        }
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        boolean wasConnected = connected.getAndSet(false);
        if (stopping) {
            context.getReconnector().reconnect(false);
            return;
        }
        Throwable cause = context.getCause();
        String why = ConnectionTrouble.describe(cause, settings);
        int attempt = failures.incrementAndGet();
        if (wasConnected) {
            log.warn("Lost the broker at {}: {}; reconnecting", settings.address(), why);
            notify(disconnectedListeners, "Disconnected");
        } else if (attempt == 1 || attempt % 10 == 0) {
            log.warn(
                    "Cannot reach the broker at {} (attempt {}): {}; retrying with backoff",
                    settings.address(),
                    attempt,
                    why);
        } else {
            log.debug("Broker still unreachable (attempt {}): {}", attempt, why);
        }
    }
}
