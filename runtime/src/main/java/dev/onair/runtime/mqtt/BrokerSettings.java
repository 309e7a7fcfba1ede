package dev.onair.runtime.mqtt;

import java.nio.file.Path;

/**
 * How a node reaches its broker.
 *
 * @param address where the broker listens, or null to find it by mDNS (publisher only)
 * @param caFile the CA certificate (PEM) to trust, or null
 * @param caSha256 the CA certificate's SHA-256 fingerprint (hex, colons allowed) to pin, or null
 * @param user the MQTT user name, or null for anonymous (loopback only)
 * @param password the password, or null
 */
public record BrokerSettings(BrokerAddress address, Path caFile, String caSha256, String user, String password) {
    /** Keeps the password out of every log line and exception message. */
    @Override
    public String toString() {
        return "BrokerSettings[address=" + address + ", caFile=" + caFile + ", caSha256=" + caSha256 + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
