package dev.onair.broker;

import dev.onair.broker.certs.CertsCommand;
import dev.onair.broker.users.UsersCommand;
import dev.onair.runtime.config.Cli;
import picocli.CommandLine.Command;

/** The broker module's entry point: {@code onair broker}, {@code onair certs} and {@code onair users}. */
@Command(
        name = "onair",
        mixinStandardHelpOptions = true,
        subcommands = {BrokerCommand.class, CertsCommand.class, UsersCommand.class},
        description = "OnAir: Microsoft Teams presence on an LED panel.")
public final class BrokerMain implements Runnable {
    public static void main(String[] args) {
        Cli.main(new BrokerMain(), args);
    }

    @Override
    public void run() {
        System.err.println("Usage: onair broker|certs|users [options]; --help for more");
    }
}
