package dev.onair.bridge;

import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to reach Home Assistant's own broker (two-broker mode); the same rules as the OnAir broker options. */
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
        if (broker == null || broker.isBlank()) {
            if (ca != null || caSha256 != null || user != null || password != null || passwordFile != null) {
                errors.add("--ha-ca, --ha-user, --ha-password: these need --ha-broker");
            }
            return null;
        }
        BrokerAddress address = errors.check("--ha-broker", () -> BrokerAddress.parse(broker));
        if (ca != null && !Files.isReadable(ca)) {
            errors.add("--ha-ca: cannot read " + ca);
        }
        if (ca != null && caSha256 != null) {
            errors.add("--ha-ca and --ha-ca-sha256: give one, not both");
        }
        if (caSha256 != null && !TlsTrust.isSha256(caSha256)) {
            errors.add("--ha-ca-sha256: '" + caSha256 + "' is not a SHA-256 fingerprint (64 hex digits)");
        }
        if (password != null && passwordFile != null) {
            errors.add("--ha-password and --ha-password-file: give one, not both");
        }
        String pw = password;
        if (passwordFile != null) {
            try {
                pw = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .map(String::trim)
                        .orElse("");
            } catch (IOException e) {
                errors.add("--ha-password-file: cannot read " + passwordFile);
            }
        }
        if (pw != null && user == null) {
            errors.add("--ha-password: a password needs --ha-user");
        }
        return new BrokerSettings(address, ca, caSha256, user, pw);
    }
}
