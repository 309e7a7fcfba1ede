package dev.onair.runtime.config;

import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One way to reach a broker as the options give it: {@code --broker}, {@code --ca}, {@code --ca-sha256},
 * {@code --user}, {@code --password}, {@code --password-file}, checked by one set of rules. {@link BrokerOptions} is
 * the OnAir broker's set; the bridge's Home Assistant broker is the same set under the prefix {@code ha-}
 * ({@code --ha-broker}, {@code --ha-ca}, ...), so its errors name those options.
 *
 * @param prefix what comes between {@code --} and each option name: empty, or {@code ha-}
 */
public record BrokerConnection(
        String prefix, String broker, Path ca, String caSha256, String user, String password, Path passwordFile) {
    public BrokerConnection {
        prefix = prefix == null ? "" : prefix;
    }

    /** Whether any option of the set is given. */
    public boolean anyGiven() {
        return (broker != null && !broker.isBlank())
                || ca != null
                || caSha256 != null
                || user != null
                || password != null
                || passwordFile != null;
    }

    /**
     * Validates the set and builds the settings; problems go to {@code errors}.
     *
     * @param defaultBroker the broker when none is given, or null for none (found by mDNS)
     * @param defaultCa the CA file used when no trust is given and it is readable, or null
     * @param caHint what to tell a user whose CA file cannot be read (may be empty)
     */
    public BrokerSettings settings(ConfigErrors errors, String defaultBroker, Path defaultCa, String caHint) {
        String url = broker != null && !broker.isBlank() ? broker : defaultBroker;
        BrokerAddress address = url == null ? null : errors.check(option("broker"), () -> BrokerAddress.parse(url));
        if (ca != null && !Files.isReadable(ca)) {
            errors.add(option("ca") + ": cannot read " + ca + caHint);
        }
        if (ca != null && caSha256 != null) {
            errors.add(option("ca") + " and " + option("ca-sha256") + ": give one way to trust the broker, not both");
        }
        if (caSha256 != null && !TlsTrust.isSha256(caSha256)) {
            errors.add(option("ca-sha256") + ": '" + caSha256 + "' is not a SHA-256 fingerprint (64 hex digits)");
        }
        Path caFile = ca;
        if (caFile == null && caSha256 == null && defaultCa != null && Files.isReadable(defaultCa)) {
            caFile = defaultCa;
        }
        String pw = Secrets.resolve(errors, option("password"), password, passwordFile);
        if (pw != null && user == null) {
            errors.add(option("password") + ": a password needs " + option("user"));
        }
        return new BrokerSettings(address, caFile, caSha256, user, pw);
    }

    /** {@code --} + prefix + {@code name}. */
    public String option(String name) {
        return "--" + prefix + name;
    }
}
