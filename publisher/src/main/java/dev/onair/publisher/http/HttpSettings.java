package dev.onair.publisher.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The HTTP status server's settings.
 *
 * @param bind the address to listen on ({@code 0.0.0.0} for every interface, {@code 127.0.0.1} for this PC only)
 * @param port the port, 8080 by default; 0 picks a free one
 * @param pushIngress whether {@code POST /status} publishes pushed presence
 * @param apiKey the key a push must carry, or null (allowed only when bound to loopback)
 */
public record HttpSettings(String bind, int port, boolean pushIngress, String apiKey) {
    /** The contract's port for the PowerShell-era endpoints (CONTRACT.md section 8). */
    public static final int DEFAULT_PORT = 8080;

    public HttpSettings {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("HTTP bind address must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port " + port + " is outside 0..65535");
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("API key must not be blank");
        }
        if (pushIngress && apiKey == null && !loopback(bind)) {
            throw new IllegalArgumentException("push ingress on " + bind + " needs an API key (--api-key or "
                    + "--api-key-file), or bind it to 127.0.0.1 with --http-bind");
        }
    }

    /** Whether the server listens on the loopback address only. */
    public boolean isLoopback() {
        return loopback(bind);
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Keeps the API key out of logs. */
    @Override
    public String toString() {
        return "HttpSettings[bind=" + bind + ", port=" + port + ", pushIngress=" + pushIngress + ", apiKey="
                + (apiKey == null ? "none" : "***") + "]";
    }
}
