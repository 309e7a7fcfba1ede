package dev.onair.broker;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptSubscribeMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per accepted connection, disconnection and subscription, with client id and user name; never a
 * password. Refused connections and denied actions are logged where they are decided (the authenticator and the
 * ACL).
 */
final class ConnectionLog extends AbstractInterceptHandler {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLog.class);

    private final Set<String> cleanlyDisconnected = ConcurrentHashMap.newKeySet();

    @Override
    public String getID() {
        return "onair-connection-log";
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        // Not publishes: their payload buffers would have to be handled, and one line per message is noise.
        return new Class<?>[] {
            InterceptConnectMessage.class,
            InterceptDisconnectMessage.class,
            InterceptConnectionLostMessage.class,
            InterceptSubscribeMessage.class
        };
    }

    @Override
    public void onConnect(InterceptConnectMessage msg) {
        cleanlyDisconnected.remove(msg.getClientID());
        log.info(
                "Connected: client {} (user {}, MQTT {}, clean start {})",
                msg.getClientID().isEmpty() ? "(id assigned by the broker)" : msg.getClientID(),
                msg.getUsername(),
                version(msg.getProtocolVersion()),
                msg.isCleanSession());
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage msg) {
        cleanlyDisconnected.add(msg.getClientID());
        log.info("Disconnected: client {} (user {})", msg.getClientID(), msg.getUsername());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage msg) {
        // Moquette reports the closed connection after a clean DISCONNECT too; one line per event is enough.
        if (!cleanlyDisconnected.remove(msg.getClientID())) {
            log.info("Connection lost: client {} (user {})", msg.getClientID(), msg.getUsername());
        }
    }

    @Override
    public void onSubscribe(InterceptSubscribeMessage msg) {
        log.debug("Subscribed: client {} (user {}) to {}", msg.getClientID(), msg.getUsername(), msg.getTopicFilter());
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        log.error("Broker session loop error: {}", error.toString(), error);
    }

    private static String version(byte protocolVersion) {
        return switch (protocolVersion) {
            case 3 -> "3.1";
            case 4 -> "3.1.1";
            case 5 -> "5";
            default -> String.valueOf(protocolVersion);
        };
    }
}
