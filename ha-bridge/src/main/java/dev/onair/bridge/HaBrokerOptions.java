package dev.onair.bridge;

import dev.onair.runtime.config.BrokerConnection;
import dev.onair.runtime.config.BrokerConnectionOptions;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.util.Map;

/**
 * How to reach Home Assistant's own broker (two-broker mode): the OnAir broker's option set under the prefix
 * {@code ha-}, checked by the same {@link BrokerConnection} rules.
 */
public final class HaBrokerOptions extends BrokerConnectionOptions {
    public HaBrokerOptions() {
        super(
                "ha-",
                Map.of(
                        Part.BROKER,
                        "Home Assistant's broker (two-broker mode): mqtts://host[:port] or mqtt://host[:port]. "
                                + "Without it, discovery goes to the OnAir broker.",
                        Part.CA,
                        "CA certificate (PEM) of Home Assistant's broker.",
                        Part.CA_SHA256,
                        "Trust Home Assistant's broker by its CA's SHA-256 fingerprint instead.",
                        Part.USER,
                        "User on Home Assistant's broker.",
                        Part.PASSWORD,
                        "Password on Home Assistant's broker.",
                        Part.PASSWORD_FILE,
                        "File whose first line is the password on Home Assistant's broker."));
    }

    /** The settings, or null in single-broker mode; problems go to {@code errors}. */
    public BrokerSettings settings(ConfigErrors errors) {
        BrokerConnection given = connection();
        if (given.broker() == null || given.broker().isBlank()) {
            if (given.anyGiven()) {
                errors.add("--ha-ca, --ha-user, --ha-password: these need --ha-broker");
            }
            return null;
        }
        return given.settings(errors, null, null, "");
    }
}
