package dev.onair.broker;

import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.users.UsersFile;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.config.ListenOptions;
import dev.onair.runtime.config.RecordBuilder;
import java.nio.file.Path;

/**
 * Everything the broker needs to start. Build it from {@link #defaults()} and the {@code with...} methods.
 *
 * @param keystore PKCS12 keystore with the server key and certificate chain ({@code certs/server.p12})
 * @param keystorePassword its password ({@link CertificateFiles#DEFAULT_KEYSTORE_PASSWORD} for {@code onair certs})
 * @param usersFile the users file ({@code users.yaml}); re-read when it changes
 * @param dataDir where retained messages, sessions and queued messages persist ({@code data/})
 * @param host the address the TLS and secure WebSocket listeners bind ({@code 0.0.0.0}: every interface)
 * @param tlsPort MQTT over TLS (8883)
 * @param plainPort plain MQTT (1883), 0 to turn it off
 * @param plainBind the address plain MQTT binds ({@code 127.0.0.1}; anything else exposes unencrypted passwords)
 * @param wsPort MQTT over secure WebSocket, path {@code /mqtt} (8884), 0 to turn it off
 * @param mdns whether to advertise the broker over mDNS
 * @param mdnsName the advertised service instance name
 * @param topics the topic and discovery prefixes the ACLs are written for
 */
public record BrokerConfig(
        Path keystore,
        String keystorePassword,
        Path usersFile,
        Path dataDir,
        String host,
        int tlsPort,
        int plainPort,
        String plainBind,
        int wsPort,
        boolean mdns,
        String mdnsName,
        Topics topics) {
    public static final int DEFAULT_TLS_PORT = ListenOptions.DEFAULT_TLS_PORT;
    public static final int DEFAULT_PLAIN_PORT = ListenOptions.DEFAULT_PLAIN_PORT;
    public static final int DEFAULT_WS_PORT = ListenOptions.DEFAULT_WS_PORT;
    /** The TLS and WebSocket listeners bind every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** Plain MQTT sends passwords in clear, so it stays on loopback unless asked. */
    public static final String DEFAULT_PLAIN_BIND = "127.0.0.1";

    public static final Path DEFAULT_DATA = Path.of("data");
    public static final String WEBSOCKET_PATH = "/mqtt";

    public BrokerConfig {
        require(keystore != null, "keystore must be set");
        require(keystorePassword != null, "keystore password must be set");
        require(usersFile != null, "users file must be set");
        require(dataDir != null, "data directory must be set");
        require(host != null && !host.isBlank(), "host must be set (0.0.0.0 for every interface)");
        require(plainBind != null && !plainBind.isBlank(), "plain listener address must be set (127.0.0.1)");
        require(tlsPort >= 1 && tlsPort <= 65535, "TLS port " + tlsPort + " is outside 1..65535");
        require(plainPort >= 0 && plainPort <= 65535, "plain port " + plainPort + " is outside 0..65535 (0: off)");
        require(wsPort >= 0 && wsPort <= 65535, "WebSocket port " + wsPort + " is outside 0..65535 (0: off)");
        require(tlsPort != plainPort && tlsPort != wsPort, "TLS port " + tlsPort + " is also used by another listener");
        require(plainPort == 0 || plainPort != wsPort, "plain and WebSocket ports are both " + plainPort);
        require(mdnsName != null && !mdnsName.isBlank(), "mDNS name must be set");
        require(topics != null, "topics must be set");
    }

    /** The defaults: files under the working directory, standard ports, plain MQTT on loopback, mDNS on. */
    public static BrokerConfig defaults() {
        return new BrokerConfig(
                CertificateFiles.DEFAULT_DIR.resolve(CertificateFiles.SERVER_P12),
                CertificateFiles.DEFAULT_KEYSTORE_PASSWORD,
                UsersFile.DEFAULT,
                DEFAULT_DATA,
                DEFAULT_HOST,
                DEFAULT_TLS_PORT,
                DEFAULT_PLAIN_PORT,
                DEFAULT_PLAIN_BIND,
                DEFAULT_WS_PORT,
                true,
                "OnAir broker on " + hostName(),
                Topics.defaults());
    }

    /** Uses {@code certsDir/server.p12} with the default password, as {@code onair certs} writes it. */
    public BrokerConfig withCertsDir(Path certsDir) {
        return withKeystore(certsDir.resolve(CertificateFiles.SERVER_P12), CertificateFiles.DEFAULT_KEYSTORE_PASSWORD);
    }

    public BrokerConfig withKeystore(Path file, String password) {
        return RecordBuilder.from(this)
                .set("keystore", file)
                .set("keystorePassword", password)
                .build();
    }

    public BrokerConfig withUsersFile(Path file) {
        return RecordBuilder.from(this).set("usersFile", file).build();
    }

    public BrokerConfig withDataDir(Path dir) {
        return RecordBuilder.from(this).set("dataDir", dir).build();
    }

    /** Sets the TLS, plain and WebSocket ports (0 turns plain or WebSocket off). */
    public BrokerConfig withPorts(int tls, int plain, int ws) {
        return RecordBuilder.from(this)
                .set("tlsPort", tls)
                .set("plainPort", plain)
                .set("wsPort", ws)
                .build();
    }

    public BrokerConfig withHost(String tlsHost) {
        return RecordBuilder.from(this).set("host", tlsHost).build();
    }

    public BrokerConfig withPlainBind(String address) {
        return RecordBuilder.from(this).set("plainBind", address).build();
    }

    public BrokerConfig withMdns(boolean on) {
        return RecordBuilder.from(this).set("mdns", on).build();
    }

    public BrokerConfig withTopics(Topics t) {
        return RecordBuilder.from(this).set("topics", t).build();
    }

    /** Keeps the keystore password out of logs. */
    @Override
    public String toString() {
        return "BrokerConfig[keystore=" + keystore + ", usersFile=" + usersFile + ", dataDir=" + dataDir + ", host="
                + host + ", tlsPort=" + tlsPort + ", plainPort=" + plainPort + ", plainBind=" + plainBind + ", wsPort="
                + wsPort + ", mdns=" + mdns + ", topics=" + topics.prefix() + "," + topics.discoveryPrefix() + "]";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "this host";
            }
        }
        return name;
    }
}
