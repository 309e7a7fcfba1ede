package dev.onair.bridge;

import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.lifecycle.Component;
import dev.onair.runtime.mqtt.HiveMqConnection;
import dev.onair.runtime.mqtt.MqttConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The bridge's connection to the OnAir broker: it reads every person's presence and availability and every display's
 * state and availability, and its will is this bridge's own availability topic (issue 11).
 */
final class OnairSide implements Component {
    private final BridgeConfig config;
    private final BridgeThread thread;
    private final MqttConnection connection;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    OnairSide(BridgeConfig config, BridgeThread thread) {
        this.config = config;
        this.thread = thread;
        this.connection = new HiveMqConnection(
                config.onair(), config.clientId(), config.topics().bridgeAvailability(config.bridgeId()));
    }

    MqttConnection connection() {
        return connection;
    }

    /** Receives a state message on the bridge thread, with its retain flag as published. */
    @FunctionalInterface
    interface StateHandler {
        void handle(String topic, byte[] payload, boolean retain);
    }

    /** Subscribes the state topics. Call before {@link #start()}. */
    void subscribe(StateHandler handler) {
        Topics t = config.topics();
        MqttConnection.RetainHandler onThread =
                (topic, payload, retain) -> thread.run(() -> handler.handle(topic, payload, retain));
        thread.settleAfter(
                List.of(
                        connection.subscribeAsPublished(t.allPersonPresence(), onThread),
                        connection.subscribeAsPublished(t.allPersonAvailability(), onThread),
                        connection.subscribeAsPublished(t.allDisplayState(), onThread),
                        connection.subscribeAsPublished(t.allDisplayAvailability(), onThread)),
                config.learnWindow(),
                settled);
    }

    /** Completes once the retained state found at start-up has arrived. */
    CompletableFuture<Void> settled() {
        return settled;
    }

    @Override
    public void start() throws Exception {
        connection.start();
    }

    @Override
    public void stop() {
        connection.stop();
    }

    @Override
    public String name() {
        return "OnAir broker connection";
    }
}
