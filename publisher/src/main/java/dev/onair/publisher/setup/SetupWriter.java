package dev.onair.publisher.setup;

import dev.onair.publisher.secret.SecretException;
import dev.onair.publisher.secret.SecretStore;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@link SetupCommand}'s last steps, run only once the login works: keep the password, write the per-user
 * configuration, offer to start the publisher at every login.
 */
final class SetupWriter {
    private final SetupEnvironment environment;
    private final Terminal terminal;
    private final CommandSpec spec;
    private final boolean yes;

    SetupWriter(SetupEnvironment environment, Terminal terminal, CommandSpec spec, boolean yes) {
        this.environment = environment;
        this.terminal = terminal;
        this.spec = spec;
        this.yes = yes;
    }

    /** Keeps the password in the configured store, else in the best store of this OS that takes it. */
    String keepPassword(Path dir, String mqttUser, String password, String passwordStore) {
        List<String> problems = new ArrayList<>();
        try {
            List<SecretStore> stores = passwordStore != null
                    ? List.of(environment.secretStores().open(passwordStore))
                    : environment.secretStores().candidates(environment.osName(), mqttUser, dir);
            for (SecretStore store : stores) {
                try {
                    store.save(password);
                    if (!store.load().equals(password)) {
                        throw new SecretException(store.reference() + " gave back another password");
                    }
                    terminal.say("Password kept in " + store.reference());
                    return store.reference();
                } catch (SecretException e) {
                    problems.add(e.getMessage());
                    terminal.say("Cannot keep the password in " + store.reference() + ": " + e.getMessage());
                }
            }
        } catch (SecretException e) {
            problems.add(e.getMessage());
        }
        throw new SetupFailed("the password could not be kept (" + String.join("; ", problems)
                + "); give --password-store, e.g. file:" + dir.resolve("password"));
    }

    void writeConfig(
            Path file,
            BrokerAddress address,
            X509Certificate ca,
            String id,
            String displayName,
            String mqttUser,
            String store) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("broker", address.toString());
        keys.put("ca-sha256", TlsTrust.sha256(ca));
        keys.put("person", id);
        if (displayName != null) {
            keys.put("name", displayName);
        }
        keys.put("user", mqttUser);
        keys.put("password-store", store);
        try {
            SetupFile.write(file, keys);
        } catch (IOException e) {
            throw new SetupFailed("cannot write " + file + ": " + e.getMessage());
        }
        terminal.say("Configuration written to " + file);
    }

    /** Runs the sibling {@code install} command when there is one and the person wants it. */
    void offerInstall(Path file) {
        CommandLine install =
                spec.parent() == null ? null : spec.parent().subcommands().get("install");
        if (install == null) {
            terminal.say("Start the publisher with: onair publisher --config " + file);
            return;
        }
        boolean hasConfig = install.getCommandSpec().findOption("--config") != null;
        String command = "onair publisher install" + (hasConfig ? " --config " + file : "");
        if (!(yes || terminal.confirm("Start the publisher at every login (" + command + ")?", true))) {
            terminal.say("Later, run: " + command);
            return;
        }
        int code = hasConfig ? install.execute("--config", file.toString()) : install.execute();
        if (code != 0) {
            throw new SetupFailed("the configuration is written, but " + command + " failed (exit code " + code
                    + "); run it again when what it said is fixed");
        }
    }
}
