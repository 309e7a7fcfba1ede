package dev.onair.publisher;

import dev.onair.runtime.config.ConfigException;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.io.Console;

/**
 * A user name without a password: ask for it on the terminal (so it never lands in the shell history), or, with no
 * terminal (Task Scheduler, a service), say where else it may come from.
 */
final class Passwords {
    private Passwords() {}

    static BrokerSettings askIfMissing(BrokerSettings settings) {
        if (settings.user() == null || settings.password() != null) {
            return settings;
        }
        Console console = System.console();
        if (console == null) {
            throw new ConfigException("--user " + settings.user() + " needs a password: give --password-file FILE, "
                    + "the ONAIR_PASSWORD environment variable or 'password:' in the --config file");
        }
        char[] typed = console.readPassword("MQTT password for %s: ", settings.user());
        if (typed == null || typed.length == 0) {
            throw new ConfigException("--user " + settings.user() + ": no password given");
        }
        return new BrokerSettings(
                settings.address(), settings.caFile(), settings.caSha256(), settings.user(), new String(typed));
    }
}
