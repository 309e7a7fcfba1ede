package dev.onair.bridge;

import dev.onair.bridge.mirror.Mirror;
import dev.onair.protocol.Availability;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.lifecycle.Component;
import dev.onair.runtime.mqtt.HiveMqConnection;
import dev.onair.runtime.mqtt.MqttConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-broker mode: the connection to Home Assistant's own broker. OnAir state is mirrored onto it, commands come back
 * from it, and this bridge's availability there follows the OnAir broker: Home Assistant should not trust mirrored
 * state while the bridge cannot see the OnAir side.
 */
final class HaSide implements Component {
    private static final Logger log = LoggerFactory.getLogger(HaSide.class);

    private final BridgeConfig config;
    private final BridgeThread thread;
    private final MqttConnection onair;
    private final MqttConnection connection;
    private final Topic availability;
    private final Mirror mirror;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private boolean upstreamOnline;

    HaSide(BridgeConfig config, BridgeThread thread, MqttConnection onair) {
        this.config = config;
        this.thread = thread;
        this.onair = onair;
        this.availability = config.topics().bridgeAvailability(config.bridgeId());
        this.connection = new HiveMqConnection(config.ha(), config.clientId() + "-ha", availability);
        this.mirror =
                new Mirror(config.topics(), onair, connection, config.topics().bridgeMirrorRecord(config.bridgeId()));
    }

    MqttConnection connection() {
        return connection;
    }

    /** Commands, stale mirrored state and this bridge's mirror record. Call before {@link #start()}. */
    void subscribe() {
        Topics t = config.topics();
        MqttConnection.Handler command = (topic, payload) -> thread.run(() -> command(topic, payload));
        MqttConnection.Handler learn = (topic, payload) -> thread.run(() -> mirror.learnOnHa(topic, payload));
        thread.settleAfter(
                List.of(
                        connection.subscribeCommands(t.allPersonSet(), command),
                        connection.subscribeCommands(t.allDisplaySet(), command),
                        connection.subscribe(t.allPersonPresence(), learn),
                        connection.subscribe(t.allPersonAvailability(), learn),
                        connection.subscribe(t.allDisplayState(), learn),
                        connection.subscribe(t.allDisplayAvailability(), learn),
                        connection.subscribe(
                                new TopicFilter(
                                        t.bridgeMirrorRecord(config.bridgeId()).name()),
                                (topic, payload) -> thread.run(() -> mirror.learnRecord(payload)))),
                config.learnWindow(),
                settled);
        onair.onConnected(() -> thread.run(() -> upstream(true)));
        onair.onDisconnected(() -> thread.run(() -> upstream(false)));
    }

    CompletableFuture<Void> settled() {
        return settled;
    }

    /** A retained state message from the OnAir broker, already checked by the roster. */
    void fromOnair(String topic, byte[] payload) throws PayloadException {
        mirror.fromOnair(topic, payload);
    }

    /** Ends start-up: mirrored state the OnAir broker no longer has is cleared (if this bridge mirrored it). */
    void ready() {
        mirror.ready();
    }

    boolean isConnected() {
        return connection.isConnected();
    }

    @Override
    public void start() throws Exception {
        // Until the OnAir side is up, Home Assistant should not trust what is mirrored.
        connection.publishRetained(availability, Availability.OFFLINE.payload());
        connection.start();
    }

    @Override
    public void stop() {
        connection.stop();
    }

    @Override
    public String name() {
        return "Home Assistant broker connection";
    }

    private void command(String topic, byte[] payload) {
        try {
            mirror.commandFromHa(topic, payload);
        } catch (PayloadException e) {
            log.warn("Dropped command on {} from Home Assistant's broker: {}", topic, e.getMessage());
        }
    }

    private void upstream(boolean up) {
        if (up != upstreamOnline) {
            upstreamOnline = up;
            Availability a = up ? Availability.ONLINE : Availability.OFFLINE;
            log.info("OnAir broker {}: bridge {} on Home Assistant's broker", up ? "reachable" : "lost", a);
            connection.publishRetained(availability, a.payload());
        }
    }
}
