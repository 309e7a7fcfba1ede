package dev.onair.publisher.install;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code onair publisher uninstall}: no more start at login; the configuration stays. */
@Command(
        name = "uninstall",
        mixinStandardHelpOptions = true,
        description = "Stop the publisher and remove its start at login (the configuration file stays).")
public final class UninstallCommand implements Callable<Integer> {
    @Option(names = "--dry-run", description = "Print what would be removed and run, change nothing.")
    boolean dryRun;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ServiceCommands.run(spec, "uninstall", () -> {
            Installer.forThisComputer(spec.commandLine().getOut(), dryRun).uninstall();
            return 0;
        });
    }
}
