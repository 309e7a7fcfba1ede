package dev.onair.runtime.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.onair.protocol.Availability;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's connection to its broker, on the HiveMQ client: TLS, credentials, the availability will (CONTRACT.md
 * section 2), automatic reconnect with backoff, and convergence: every retained message published through it is
 * remembered and published again after each reconnect, so the broker's retained state always ends up right after a
 * broker restart, sleep or network loss.
 *
 * <p>Message handlers are guarded: an exception in one is logged with its topic and the message dropped.
 */
public final class MqttConnection {
    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /** Handles one received message. */
    @FunctionalInterface
    public interface Handler {
        void handle(String topic, byte[] payload) throws Exception;
    }

    /** Receives a message with its retain flag as its publisher set it (see {@link #subscribeAsPublished}). */
    @FunctionalInterface
    public interface RetainHandler {
        void handle(String topic, byte[] payload, boolean retain) throws Exception;
    }

    private final BrokerSettings settings;
    private final String clientId;
    private final Topic availabilityTopic;
    private final Map<Topic, byte[]> retained = new ConcurrentHashMap<>();
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean stopping;
    private Mqtt5AsyncClient client;

    /**
     * @param availabilityTopic the node's availability topic, set as its will; null for a node without one
     */
    public MqttConnection(BrokerSettings settings, String clientId, Topic availabilityTopic) {
        this.settings = settings;
        this.clientId = clientId;
        this.availabilityTopic = availabilityTopic;
    }

    /** Runs {@code listener} after every (re)connect, once availability and retained state are published again. */
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
    }

    /**
     * Starts connecting and returns at once; an unreachable broker is retried with backoff, never fatal.
     *
     * @throws IOException if the CA file cannot be read
     * @throws GeneralSecurityException if the CA file is not a certificate
     */
    public void start() throws IOException, GeneralSecurityException {
        BrokerAddress address = settings.address();
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(address.host())
                .serverPort(address.port())
                .automaticReconnect()
                .initialDelay(250, TimeUnit.MILLISECONDS)
                // A home broker that restarts is back within seconds: retry at least every 2 s (one TLS handshake
                // per node, nothing on a LAN), so the light is right again at once.
                .maxDelay(2, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> connected())
                .addDisconnectedListener(this::disconnected);
        if (address.tls()) {
            builder = builder.sslConfig()
                    .trustManagerFactory(TlsTrust.trustManagerFactory(settings))
                    .protocols(TlsTrust.PROTOCOLS)
                    .applySslConfig();
        }
        if (settings.user() != null) {
            builder = builder.simpleAuth()
                    .username(settings.user())
                    .password(
                            settings.password() == null
                                    ? new byte[0]
                                    : settings.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        if (availabilityTopic != null) {
            builder = builder.willPublish()
                    .topic(availabilityTopic.name())
                    .payload(Availability.OFFLINE.payload())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .applyWillPublish();
        }
        client = builder.buildAsync();
        log.info("Connecting to {} as {} (client id {})", address, userForLog(), clientId);
        client.connectWith().cleanStart(true).keepAlive(30).send().whenComplete((ack, error) -> {
            // Failures are reported by the disconnected listener, which also schedules the retry.
        });
    }

    /** Publishes {@code offline} on the availability topic, then disconnects. Waits at most two seconds. */
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

    public boolean isConnected() {
        return connected.get();
    }

    /**
     * Publishes a retained message at QoS 1 and remembers it, so it is published again after every reconnect. While
     * disconnected, nothing is queued: the latest value goes out on reconnect.
     */
    public CompletableFuture<Void> publishRetained(Topic topic, byte[] payload) {
        retained.put(topic, payload.clone());
        if (!connected.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return send(topic, payload, true);
    }

    /**
     * Clears a retained message (empty retained payload) and forgets it.
     */
    public CompletableFuture<Void> clearRetained(Topic topic) {
        retained.remove(topic);
        if (!connected.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to the broker"));
        }
        return send(topic, new byte[0], true);
    }

    /** Publishes a message that is not retained, at QoS 1; fails at once when not connected. */
    public CompletableFuture<Void> publish(Topic topic, byte[] payload) {
        if (!connected.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to the broker"));
        }
        return send(topic, payload, false);
    }

    /**
     * Subscribes at QoS 1. The subscription is restored after reconnects. Exceptions from {@code handler} are logged
     * with the topic and the message is dropped.
     */
    public CompletableFuture<Void> subscribe(TopicFilter filter, Handler handler) {
        return client.subscribeWith()
                .topicFilter(filter.filter())
                .qos(MqttQos.AT_LEAST_ONCE)
                .callback(publish -> dispatch(handler, publish))
                .send()
                .thenAccept(ack -> log.debug("Subscribed to {}", filter));
    }

    /**
     * Subscribes at QoS 1 with MQTT 5's retain-as-published, so {@code handler} can tell a cleared retained message
     * (empty, retain set) from an empty message someone merely sent. Messages the broker holds arrive with retain set
     * at subscription, as always.
     */
    public CompletableFuture<Void> subscribeAsPublished(TopicFilter filter, RetainHandler handler) {
        return client.subscribeWith()
                .topicFilter(filter.filter())
                .qos(MqttQos.AT_LEAST_ONCE)
                .retainAsPublished(true)
                .callback(publish ->
                        dispatch((topic, payload) -> handler.handle(topic, payload, publish.isRetain()), publish))
                .send()
                .thenAccept(ack -> log.debug("Subscribed to {} (retain as published)", filter));
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
        connected.set(true);
        failures.set(0);
        log.info("Connected to {}", settings.address());
        if (availabilityTopic != null) {
            send(availabilityTopic, Availability.ONLINE.payload(), true);
        }
        retained.forEach((topic, payload) -> send(topic, payload, true));
        for (Runnable listener : connectedListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("Connected listener failed", e);
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
        String why = describe(cause);
        int attempt = failures.incrementAndGet();
        if (wasConnected) {
            log.warn("Lost the broker at {}: {}; reconnecting", settings.address(), why);
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

    private String describe(Throwable cause) {
        if (cause instanceof Mqtt5ConnAckException connAck) {
            return "the broker refused the connection ("
                    + connAck.getMqttMessage().getReasonCode() + ") for user " + userForLog()
                    + "; check the user name and password";
        }
        if (cause == null) {
            return "disconnected";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? cause.toString() : cause.getMessage() + " (" + root + ")";
    }

    private String userForLog() {
        return settings.user() == null ? "anonymous" : "user '" + settings.user() + "'";
    }
}
