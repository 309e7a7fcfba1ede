package dev.onair.runtime.config;

import dev.onair.runtime.mqtt.BrokerAddress;
import picocli.CommandLine.Option;

/**
 * The broker's listening ports, shared by {@code onair broker} and {@code onair demo} as a picocli mixin. The defaults
 * are the MQTT ports IANA assigned, and are stated here only.
 */
public final class ListenOptions {
    public static final int DEFAULT_TLS_PORT = BrokerAddress.DEFAULT_TLS_PORT;
    public static final int DEFAULT_PLAIN_PORT = BrokerAddress.DEFAULT_PLAIN_PORT;
    public static final int DEFAULT_WS_PORT = 8884;

    @Option(names = "--tls-port", paramLabel = "N", description = "MQTT over TLS port (default: ${DEFAULT-VALUE}).")
    int tlsPort = DEFAULT_TLS_PORT;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Plain MQTT port, 0 for none (default: ${DEFAULT-VALUE}).")
    int port = DEFAULT_PLAIN_PORT;

    @Option(
            names = "--ws-port",
            paramLabel = "N",
            description = "MQTT over secure WebSocket port (path /mqtt), 0 for none (default: ${DEFAULT-VALUE}).")
    int wsPort = DEFAULT_WS_PORT;

    public int tlsPort() {
        return tlsPort;
    }

    public int port() {
        return port;
    }

    public int wsPort() {
        return wsPort;
    }

    /** Each must be a port; the plain and WebSocket ones may be 0 (none). */
    public void check(ConfigErrors errors) {
        errors.requirePort("--tls-port", tlsPort, false);
        errors.requirePort("--port", port, true);
        errors.requirePort("--ws-port", wsPort, true);
    }
}
