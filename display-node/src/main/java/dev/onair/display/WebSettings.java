package dev.onair.display;

import java.util.Objects;

/**
 * The dashboard's HTTP listener.
 *
 * @param host the address to bind ({@code 0.0.0.0} for every interface)
 * @param port the port, 0 for any free port
 * @param apiKey the key controls need in {@code X-API-Key}, or null to accept controls from loopback only
 */
public record WebSettings(String host, int port, String apiKey) {
    public static final int DEFAULT_PORT = 5000;

    public WebSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (apiKey != null && apiKey.length() < 8) {
            throw new IllegalArgumentException("the API key must be at least 8 characters");
        }
    }

    public static WebSettings defaults() {
        return new WebSettings("0.0.0.0", DEFAULT_PORT, null);
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "WebSettings[host=" + host + ", port=" + port + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
