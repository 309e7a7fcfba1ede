package dev.onair.broker.mosquitto;

import java.nio.file.Path;

/**
 * The {@code mosquitto.conf} fragment for OnAir: a TLS listener (and secure WebSocket) with OnAir's server
 * certificate, no anonymous access, the exported password and ACL files, client ids bound to users, persistence.
 * It works on its own ({@code mosquitto -c}) and as a Debian {@code conf.d} file, whose main {@code mosquitto.conf}
 * already sets {@code persistence_location} (Mosquitto refuses a second one, so it is written only when given).
 *
 * @param mosquittoDir where {@code password_file} and {@code acl_file} are on the Mosquitto host
 * @param certsDir where OnAir's {@code server.crt} and {@code server.key} are on the Mosquitto host
 * @param tlsPort MQTT over TLS
 * @param wsPort MQTT over secure WebSocket, 0 for none
 * @param persistenceLocation Mosquitto's data folder, or null to leave it to the main configuration
 */
public record MosquittoConf(Path mosquittoDir, Path certsDir, int tlsPort, int wsPort, Path persistenceLocation) {
    /**
     * OnAir's largest per-topic payload cap (64 KiB, a discovery config) plus 1 KiB for the fixed header, topic and
     * properties: Mosquitto caps whole packets, one cap for every topic, and disconnects a client that sends more
     * (as OnAir's broker does for a payload over its topic's cap). An acl_file cannot cap per topic.
     */
    public static final int MAX_PACKET_SIZE = 65_536 + 1_024;

    public MosquittoConf {
        if (tlsPort < 1 || tlsPort > 65_535) {
            throw new IllegalArgumentException("--port must be 1 to 65535, not " + tlsPort);
        }
        if (wsPort < 0 || wsPort > 65_535 || wsPort == tlsPort) {
            throw new IllegalArgumentException("--ws-port must be 0 (off) or a port other than --port, not " + wsPort);
        }
        mosquittoDir = mosquittoDir.toAbsolutePath().normalize();
        certsDir = certsDir.toAbsolutePath().normalize();
        persistenceLocation = persistenceLocation == null
                ? null
                : persistenceLocation.toAbsolutePath().normalize();
    }

    /** The fragment's text. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("""
                # OnAir on Mosquitto 2: written by ./onair users export --format mosquitto. Run mosquitto -c on this file,
                # or copy it to /etc/mosquitto/conf.d/onair.conf (Debian). Differences from OnAir's embedded broker:
                # broker/README.md, "Outgrowing the Pi".
                per_listener_settings false
                allow_anonymous false
                """);
        out.append("password_file ")
                .append(mosquittoDir.resolve("password_file"))
                .append('\n');
        out.append("acl_file ").append(mosquittoDir.resolve("acl_file")).append('\n');
        out.append('\n')
                .append(
                        "# One size cap for every topic: OnAir's largest payload (64 KiB, discovery configs) + 1 KiB.\n")
                .append("# A client sending a larger packet is disconnected.\n")
                .append("max_packet_size ")
                .append(MAX_PACKET_SIZE)
                .append('\n');
        out.append('\n')
                .append(
                        "# Retained presence and sessions survive a restart; saved every 10 s (Mosquitto's default: 30 min).\n")
                .append("persistence true\n")
                .append("autosave_interval 10\n");
        if (persistenceLocation != null) {
            out.append("persistence_location ")
                    .append(persistenceLocation)
                    .append('/')
                    .append('\n');
        } else {
            out.append("# persistence_location: Debian's /etc/mosquitto/mosquitto.conf sets /var/lib/mosquitto/.\n");
        }
        listener(out, tlsPort, "MQTT over TLS 1.2 or later, with OnAir's server certificate (onair certs).", false);
        if (wsPort != 0) {
            listener(out, wsPort, "MQTT over secure WebSocket, the same certificate and users.", true);
        }
        return out.toString();
    }

    private void listener(StringBuilder out, int port, String comment, boolean webSocket) {
        out.append('\n').append("# ").append(comment).append('\n');
        out.append("listener ").append(port).append('\n');
        if (webSocket) {
            out.append("protocol websockets\n");
        }
        out.append("certfile ").append(certsDir.resolve("server.crt")).append('\n');
        out.append("keyfile ").append(certsDir.resolve("server.key")).append('\n');
        out.append("tls_version tlsv1.2\n");
        out.append("# The client id is the user name: no user can take over another user's session or client id.\n");
        out.append("use_username_as_clientid true\n");
    }
}
