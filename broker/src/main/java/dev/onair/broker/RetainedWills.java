package dev.onair.broker;

import io.moquette.broker.Server;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a retained will as a retained message when it fires. Moquette 0.18.3 delivers a will to the current
 * subscribers but never stores it, even with the retain flag (moquette-io/moquette#562), so a display that connects
 * after a publisher died would see the publisher's last {@code online} forever. OnAir's availability topics depend on
 * that retained {@code offline}.
 *
 * <p>On an unclean connection loss, the will the client gave at CONNECT is published again through the broker with
 * retain set, unless the client is already back (a reconnect that took over the session) or its role may not write
 * the will topic. Live subscribers may see the will twice; retained state ends right.
 */
final class RetainedWills extends AbstractInterceptHandler {
    private static final Logger log = LoggerFactory.getLogger(RetainedWills.class);

    /** The will a client announced at CONNECT. */
    record Will(String user, String topic, byte[] payload, MqttQoS qos) {}

    private final Supplier<Server> server;
    private final BiPredicate<String, String> mayWrite;
    private final Map<String, Will> wills = new ConcurrentHashMap<>();

    /**
     * @param server the running broker (looked up at use: handlers are created before the server starts)
     * @param mayWrite whether a user (first argument) may publish to a topic (second), without side effects
     */
    RetainedWills(Supplier<Server> server, BiPredicate<String, String> mayWrite) {
        this.server = server;
        this.mayWrite = mayWrite;
    }

    @Override
    public String getID() {
        return "onair-retained-wills";
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] {
            InterceptConnectMessage.class, InterceptDisconnectMessage.class, InterceptConnectionLostMessage.class
        };
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // ConnectionLog reports these.
    }

    @Override
    public void onConnect(InterceptConnectMessage msg) {
        if (msg.isWillFlag() && msg.isWillRetain() && msg.getWillTopic() != null) {
            wills.put(
                    msg.getClientID(),
                    new Will(
                            msg.getUsername(),
                            msg.getWillTopic(),
                            msg.getWillMessage() == null
                                    ? new byte[0]
                                    : msg.getWillMessage().clone(),
                            MqttQoS.valueOf(Math.min(msg.getWillQos(), 1))));
        } else {
            wills.remove(msg.getClientID());
        }
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage msg) {
        // A clean DISCONNECT discards the will (MQTT 3.1.1 3.14.4, MQTT 5 3.1.2.5).
        wills.remove(msg.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage msg) {
        String clientId = msg.getClientID();
        Will will = wills.remove(clientId);
        Server s = server.get();
        if (will == null || s == null) {
            return;
        }
        boolean back = s.listConnectedClients().stream().anyMatch(c -> Objects.equals(c.getClientID(), clientId));
        if (back) {
            log.debug("Client {} is connected again; its will is not stored", clientId);
            return;
        }
        if (!mayWrite.test(will.user(), will.topic())) {
            log.warn("Will of client {} (user {}) to {} not stored: not allowed", clientId, will.user(), will.topic());
            return;
        }
        s.internalPublish(
                MqttMessageBuilders.publish()
                        .topicName(will.topic())
                        .retained(true)
                        .qos(will.qos())
                        .payload(Unpooled.wrappedBuffer(will.payload()))
                        .build(),
                "onair-will-" + clientId);
        log.info("Stored the retained will of client {} on {}", clientId, will.topic());
    }
}
