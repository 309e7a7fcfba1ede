package dev.onair.bridge;

import dev.onair.runtime.config.BrokerConnection;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to reach Home Assistant's own broker (two-broker mode): the OnAir broker's option set under the prefix
 * {@code ha-}, checked by the same {@link BrokerConnection} rules.
 */
public final class HaBrokerOptions {
    @Option(
            names = "--ha-broker",
            paramLabel = "URL",
            description = "Home Assistant's broker (two-broker mode): mqtts://host[:port] or mqtt://host[:port]. "
                    + "Without it, discovery goes to the OnAir broker.")
    String broker;

    @Option(names = "--ha-ca", paramLabel = "FILE", description = "CA certificate (PEM) of Home Assistant's broker.")
    Path ca;

    @Option(
            names = "--ha-ca-sha256",
            paramLabel = "HEX",
            description = "Trust Home Assistant's broker by its CA's SHA-256 fingerprint instead.")
    String caSha256;

    @Option(names = "--ha-user", paramLabel = "NAME", description = "User on Home Assistant's broker.")
    String user;

    @Option(names = "--ha-password", paramLabel = "PW", description = "Password on Home Assistant's broker.")
    String password;

    @Option(
            names = "--ha-password-file",
            paramLabel = "FILE",
            description = "File whose first line is the password on Home Assistant's broker.")
    Path passwordFile;

    /** The settings, or null in single-broker mode; problems go to {@code errors}. */
    public BrokerSettings settings(ConfigErrors errors) {
        BrokerConnection given = new BrokerConnection("ha-", broker, ca, caSha256, user, password, passwordFile);
        if (broker == null || broker.isBlank()) {
            if (given.anyGiven()) {
                errors.add("--ha-ca, --ha-user, --ha-password: these need --ha-broker");
            }
            return null;
        }
        return given.settings(errors, null, null, "");
    }
}
