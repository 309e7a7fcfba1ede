package dev.onair.runtime.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a broker listens: {@code mqtts://host[:port]} (TLS, 8883 by default), {@code mqtt://host[:port]} (plain,
 * 1883 by default) or a bare {@code host[:port]}, which means TLS.
 */
public record BrokerAddress(String host, int port, boolean tls) {
    public static final int DEFAULT_TLS_PORT = 8883;
    public static final int DEFAULT_PLAIN_PORT = 1883;

    public BrokerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("broker host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port " + port + " is outside 1..65535");
        }
    }

    /**
     * Parses a broker URL.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static BrokerAddress parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("broker URL is empty");
        }
        if (!value.contains("://")) {
            value = "mqtts://" + value;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean tls;
            switch (scheme) {
                case "mqtts", "ssl", "tls" -> tls = true;
                case "mqtt", "tcp" -> tls = false;
                default ->
                    throw new IllegalArgumentException(bad(text, "scheme '" + scheme + "' is not mqtts or mqtt"));
            }
            String host = uri.getHost();
            if (host == null) {
                throw new IllegalArgumentException(bad(text, "no host"));
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (uri.getPath() != null
                    && !uri.getPath().isEmpty()
                    && !uri.getPath().equals("/")) {
                throw new IllegalArgumentException(bad(text, "a path is not allowed"));
            }
            int port = uri.getPort() == -1 ? (tls ? DEFAULT_TLS_PORT : DEFAULT_PLAIN_PORT) : uri.getPort();
            return new BrokerAddress(host, port, tls);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(bad(text, e.getReason()));
        }
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "mqtts://" : "mqtt://") + h + ":" + port;
    }

    private static String bad(String text, String why) {
        return "broker URL '" + text + "' is invalid (" + why + "); use mqtts://host[:port], mqtt://host[:port] "
                + "or a bare host";
    }
}
