package dev.onair.display;

import dev.onair.runtime.config.Cli;
import picocli.CommandLine.Command;

/** {@code onair display ...}: the display node on its own ({@code java -jar onair-display-node-*-all.jar display}). */
@Command(
        name = "onair",
        subcommands = {DisplayCommand.class},
        mixinStandardHelpOptions = true,
        description = "OnAir: Teams presence on an LED panel.")
public final class DisplayMain {
    public static void main(String[] args) {
        Cli.main(new DisplayMain(), args);
    }
}
