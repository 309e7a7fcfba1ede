package dev.onair.publisher.install;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code onair publisher status}: whether the publisher starts at login, and what the OS says about it. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Whether the publisher starts at login (exit code 0) or not (1), and what the OS's service manager says "
                    + "about it."
        })
public final class StatusCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ServiceCommands.run(
                spec,
                "status",
                () -> Installer.forThisComputer(spec.commandLine().getOut(), false)
                                .status()
                        ? 0
                        : 1);
    }
}
