package dev.onair.bridge;

import dev.onair.runtime.config.Cli;
import picocli.CommandLine.Command;

/** {@code java -jar onair-ha-bridge-all.jar bridge [options]}: the top command {@code onair} with {@code bridge}. */
@Command(
        name = "onair",
        mixinStandardHelpOptions = true,
        subcommands = BridgeCommand.class,
        description = "OnAir Home Assistant bridge.")
public final class BridgeMain {
    public static void main(String[] args) {
        Cli.main(new BridgeMain(), args);
    }
}
