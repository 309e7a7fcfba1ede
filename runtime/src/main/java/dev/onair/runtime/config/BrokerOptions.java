package dev.onair.runtime.config;

import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every node uses to reach its broker ({@code @Mixin} them into a command). Each is also an
 * {@code ONAIR_*} environment variable and a YAML key.
 */
public final class BrokerOptions {
    /** Used when no --ca and no --ca-sha256 are given and the file exists: what {@code ./onair certs} writes. */
    public static final Path DEFAULT_CA = Path.of("certs", "ca.crt");

    @Option(
            names = "--broker",
            paramLabel = "URL",
            description = "Broker: mqtts://host[:port], mqtt://host[:port], or a bare host meaning mqtts://host:8883.")
    String broker;

    @Option(
            names = "--ca",
            paramLabel = "FILE",
            description = "CA certificate (PEM) to trust for TLS. Default: certs/ca.crt when it exists.")
    Path ca;

    @Option(
            names = "--ca-sha256",
            paramLabel = "HEX",
            description = "Trust the broker's CA by its SHA-256 fingerprint instead of a file.")
    String caSha256;

    @Option(names = "--user", paramLabel = "NAME", description = "MQTT user name.")
    String user;

    @Option(names = "--password", paramLabel = "PW", description = "MQTT password (prefer --password-file).")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the password.")
    Path passwordFile;

    @Option(
            names = "--topic-prefix",
            paramLabel = "PREFIX",
            defaultValue = Topics.DEFAULT_PREFIX,
            description = "Topic prefix (default: ${DEFAULT-VALUE}).")
    String topicPrefix = Topics.DEFAULT_PREFIX;

    /** The broker URL as given, or null. */
    public String broker() {
        return broker;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    /**
     * Validates the options and builds the settings; problems go to {@code errors}.
     *
     * @param defaultBroker the broker when none is given, or null when none is allowed (mDNS)
     */
    public BrokerSettings settings(ConfigErrors errors, String defaultBroker) {
        BrokerSettings settings = connection()
                .settings(
                        errors,
                        defaultBroker,
                        DEFAULT_CA,
                        " (make one with ./onair certs, or copy the Pi's certs/ca.crt)");
        errors.check("--topic-prefix", () -> new Topics(topicPrefix, Topics.DEFAULT_DISCOVERY_PREFIX));
        return settings;
    }

    /** The options as given, for the shared rules. */
    public BrokerConnection connection() {
        return new BrokerConnection("", broker, ca, caSha256, user, password, passwordFile);
    }
}
