package dev.onair.publisher;

import dev.onair.publisher.secret.SecretException;
import dev.onair.publisher.secret.SecretStores;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.mqtt.BrokerSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code --password-store}: where the MQTT password is kept (what {@code onair publisher setup} writes), read at
 * start so it is never in the configuration itself. The one path for {@code onair publisher} and {@code onair set}.
 */
public final class PasswordStoreOption {
    @Option(
            names = "--password-store",
            paramLabel = "STORE",
            description = "Where the password is kept (what onair publisher setup writes): dpapi:FILE, "
                    + "keychain:SERVICE/ACCOUNT, secret-service:SERVICE/ACCOUNT or file:FILE.")
    String reference;

    /** The stores {@code --password-store} opens; tests give their own. */
    SecretStores stores;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private boolean typedPassword() {
        return typed("--password") || typed("--password-file");
    }

    /** Whether {@code option} is on the command line itself, not from ONAIR_* or the file (unknown: it is). */
    private boolean typed(String option) {
        ParseResult parsed = mixee == null || mixee.commandLine() == null
                ? null
                : mixee.commandLine().getParseResult();
        return parsed == null || parsed.hasMatchedOption(option);
    }

    /** {@code settings} with the stored password, when {@code --password-store} is given; problems go to errors. */
    BrokerSettings apply(ConfigErrors errors, BrokerSettings settings) {
        if (reference == null || reference.isBlank()) {
            return settings;
        }
        if (settings.password() != null && typedPassword() && !typed("--password-store")) {
            // A password typed on this command line wins over the store a configuration file names.
            return settings;
        }
        if (settings.password() != null) {
            errors.add("--password-store and --password/--password-file: give one, not both");
            return settings;
        }
        if (settings.user() == null) {
            errors.add("--password-store: a password needs --user");
            return settings;
        }
        try {
            String password = (stores != null ? stores : SecretStores.system())
                    .open(reference.trim())
                    .load();
            return new BrokerSettings(
                    settings.address(), settings.caFile(), settings.caSha256(), settings.user(), password);
        } catch (SecretException e) {
            errors.add("--password-store: " + e.getMessage());
            return settings;
        }
    }
}
