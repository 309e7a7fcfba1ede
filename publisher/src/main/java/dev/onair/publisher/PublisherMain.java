package dev.onair.publisher;

import dev.onair.runtime.config.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The publisher module's entry point: {@code onair publisher ...} and {@code onair set ...}. */
@Command(
        name = "onair",
        mixinStandardHelpOptions = true,
        subcommands = {PublisherCommand.class, SetCommand.class},
        description = "OnAir: Microsoft Teams presence on an LED panel.")
public final class PublisherMain implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Cli.main(new PublisherMain(), args);
    }

    /** Without a subcommand there is nothing to do: show how to use it. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }
}
