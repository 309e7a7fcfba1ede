package dev.onair.runtime.mqtt;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;

/** How {@link HiveMqConnection} names a failed or lost connection in its log: the fix first, the cause after. */
final class ConnectionTrouble {
    private ConnectionTrouble() {}

    /** Why the connection failed or went, for a log line; {@code null} is a plain disconnect. */
    static String describe(Throwable cause, BrokerSettings settings) {
        if (cause instanceof Mqtt5ConnAckException connAck) {
            return "the broker refused the connection ("
                    + connAck.getMqttMessage().getReasonCode() + ") for " + user(settings)
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

    /** The user the connection logs in as, never its password. */
    static String user(BrokerSettings settings) {
        return settings.user() == null ? "anonymous" : "user '" + settings.user() + "'";
    }
}
