package dev.onair.publisher;

import dev.onair.contract.config.Cli;
import picocli.CommandLine.Command;

/** The publisher module's entry point: {@code onair publisher ...} and {@code onair set ...}. */
@Command(
        name = "onair",
        mixinStandardHelpOptions = true,
        subcommands = {PublisherCommand.class, SetCommand.class},
        description = "OnAir: Microsoft Teams presence on an LED panel.")
public final class PublisherMain implements Runnable {
    public static void main(String[] args) {
        Cli.main(new PublisherMain(), args);
    }

    @Override
    public void run() {
        System.err.println(
                "Usage: onair publisher --person ID [options], or onair set STATUS|auto [options]; --help for more");
    }
}
