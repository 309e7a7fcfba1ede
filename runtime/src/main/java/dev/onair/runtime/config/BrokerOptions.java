package dev.onair.runtime.config;

import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every node uses to reach its broker ({@code @Mixin} them into a command): the
 * {@link BrokerConnectionOptions} set without a prefix, and {@code --topic-prefix}. Each is also an {@code ONAIR_*}
 * environment variable and a YAML key.
 */
public final class BrokerOptions extends BrokerConnectionOptions {
    /** Used when no --ca and no --ca-sha256 are given and the file exists: what {@code ./onair certs} writes. */
    public static final Path DEFAULT_CA = Path.of("certs", "ca.crt");

    public BrokerOptions() {
        super(
                "",
                Map.of(
                        Part.BROKER,
                        "Broker: mqtts://host[:port], mqtt://host[:port], or a bare host meaning mqtts://host:8883.",
                        Part.CA,
                        "CA certificate (PEM) to trust for TLS. Default: certs/ca.crt when it exists.",
                        Part.CA_SHA256,
                        "Trust the broker's CA by its SHA-256 fingerprint instead of a file.",
                        Part.USER,
                        "MQTT user name.",
                        Part.PASSWORD,
                        "MQTT password (prefer --password-file).",
                        Part.PASSWORD_FILE,
                        "File whose first line is the password."));
    }

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Topic prefix (default: ${DEFAULT-VALUE}).")
    String topicPrefix = Topics.DEFAULT_PREFIX;

    /** The broker URL as given, or null. */
    public String broker() {
        return connection().broker();
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
}
