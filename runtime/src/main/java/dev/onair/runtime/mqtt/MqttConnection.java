package dev.onair.runtime.mqtt;

import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.runtime.lifecycle.Component;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * One node's connection to its broker, and the one place where a node's MQTT state converges after a broker restart,
 * sleep or network loss: subscriptions may be made before {@link #start()} and hold across reconnects; every retained
 * message published, and every retained message cleared, is sent again after each reconnect until the broker has it;
 * listeners hear every connect and every loss. Everything goes out at QoS 1. {@link HiveMqConnection} is the real
 * one; test-support's {@code RecordingMqtt} records what a part asks for.
 *
 * <p>Message handlers are guarded: an exception in one is logged with its topic and the message dropped.
 */
public interface MqttConnection extends Component {
    /** Handles one received message. */
    @FunctionalInterface
    interface Handler {
        void handle(String topic, byte[] payload) throws Exception;
    }

    /** Receives a message with its retain flag as its publisher set it (see {@link #subscribeAsPublished}). */
    @FunctionalInterface
    interface RetainHandler {
        void handle(String topic, byte[] payload, boolean retain) throws Exception;
    }

    /** Runs {@code listener} after every (re)connect, once availability, retained state and subscriptions are sent. */
    void onConnected(Runnable listener);

    /** Runs {@code listener} each time an established connection is lost (not when {@link #stop()} ends it). */
    void onDisconnected(Runnable listener);

    /**
     * Starts connecting and returns at once; an unreachable broker is retried with backoff, never fatal.
     *
     * @throws IOException if the CA file cannot be read
     * @throws GeneralSecurityException if the CA file is not a certificate
     */
    @Override
    void start() throws IOException, GeneralSecurityException;

    /** Publishes {@code offline} on the availability topic (if any), then disconnects. */
    @Override
    void stop();

    @Override
    default String name() {
        return "mqtt";
    }

    boolean isConnected();

    /**
     * Publishes a retained message and remembers it, so it is published again after every reconnect. While
     * disconnected, nothing is queued: the latest value goes out on reconnect.
     */
    CompletableFuture<Void> publishRetained(Topic topic, byte[] payload);

    /**
     * Clears a retained message (an empty retained payload) and forgets it. Made while disconnected, the clear is
     * remembered and sent on reconnect; the future completes once the broker has it.
     */
    CompletableFuture<Void> clearRetained(Topic topic);

    /** Publishes a message that is not retained; fails at once when not connected. */
    CompletableFuture<Void> publish(Topic topic, byte[] payload);

    /**
     * Subscribes; allowed before {@link #start()}, sent on the first connect and held across reconnects. The future
     * completes when the broker grants it, exceptionally when it refuses.
     */
    CompletableFuture<Void> subscribe(TopicFilter filter, Handler handler);

    /**
     * As {@link #subscribe}, with MQTT 5's retain-as-published, so {@code handler} can tell a cleared retained message
     * (empty, retain set) from an empty message someone merely sent. Messages the broker holds arrive with retain set
     * at subscription, as always.
     */
    CompletableFuture<Void> subscribeAsPublished(TopicFilter filter, RetainHandler handler);

    /**
     * Subscribes at QoS 1 to a command topic (a {@code set}): commands are never retained (CONTRACT.md section 2), so
     * one delivered with the retain flag was stored by a broker (OnAir's refuses a retained {@code set}; Mosquitto,
     * EMQX and HiveMQ cannot refuse a retain flag per topic, issue 18) and would be replayed on every subscription. It
     * is logged and dropped; a command sent live arrives without the flag and is handled.
     */
    default CompletableFuture<Void> subscribeCommands(TopicFilter filter, Handler handler) {
        return subscribeAsPublished(filter, (topic, payload, retain) -> {
            if (retain) {
                LoggerFactory.getLogger(MqttConnection.class)
                        .warn(
                                "Ignored a retained command on {}: commands are never retained; clear it with an"
                                        + " empty retained message",
                                topic);
                return;
            }
            handler.handle(topic, payload);
        });
    }
}
