package dev.onair.display;

import java.util.Objects;

/**
 * The dashboard's HTTP listener.
 *
 * @param host the address to bind ({@code 0.0.0.0} for every interface)
 * @param port the port, 0 for any free port
 * @param apiKey the key controls need in {@code X-API-Key}, or null to accept controls from loopback only
 * @param streamsPerAddress how many event streams one client address may hold open at once; a rule of its own beside
 *     the hub's total, so one address (a script, a tab left reloading) cannot take every place
 * @param maxStreams how many event streams the dashboard serves at once, from every address together
 */
public record WebSettings(String host, int port, String apiKey, int streamsPerAddress, int maxStreams) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 5000;

    /** A phone, a laptop with a few tabs, a wall tablet behind one NAT address: 8 is room for all of them. */
    public static final int DEFAULT_STREAMS_PER_ADDRESS = 8;

    /**
     * Every dashboard gets its events (issue 15): a thousand streams cost the display about 30 MiB (bench/README.md,
     * fanout), which a Pi has; past that a stream is refused with 503 rather than the node running out of memory.
     */
    public static final int DEFAULT_MAX_STREAMS = 1000;

    public WebSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (apiKey != null && apiKey.length() < 8) {
            throw new IllegalArgumentException("the API key must be at least 8 characters");
        }
        if (streamsPerAddress < 1) {
            throw new IllegalArgumentException(
                    "event streams per address must be at least 1, not " + streamsPerAddress);
        }
        if (maxStreams < 1 || maxStreams > 100_000) {
            throw new IllegalArgumentException("event streams in all must be 1 to 100000, not " + maxStreams);
        }
    }

    public WebSettings(String host, int port, String apiKey, int streamsPerAddress) {
        this(host, port, apiKey, streamsPerAddress, DEFAULT_MAX_STREAMS);
    }

    public WebSettings(String host, int port, String apiKey) {
        this(host, port, apiKey, DEFAULT_STREAMS_PER_ADDRESS);
    }

    /** These settings on another port; everything else (the key, both stream limits) kept. */
    public WebSettings withPort(int newPort) {
        return new WebSettings(host, newPort, apiKey, streamsPerAddress, maxStreams);
    }

    public static WebSettings defaults() {
        return new WebSettings(DEFAULT_HOST, DEFAULT_PORT, null);
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "WebSettings[host=" + host + ", port=" + port + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", streamsPerAddress=" + streamsPerAddress + ", maxStreams=" + maxStreams + "]";
    }
}
