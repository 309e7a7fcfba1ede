package dev.onair.publisher.install;

import dev.onair.publisher.setup.UserConfigDir;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code onair publisher install}: start the publisher at login, as this user, without administrator rights. */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        description = {
            "Start the publisher when you log in, as you, without administrator rights: a Task Scheduler task "
                    + "(Windows), a LaunchAgent (macOS) or a systemd user unit (Linux).",
            "Installing again replaces the registration and restarts the publisher; the configuration file is "
                    + "never changed."
        })
public final class InstallCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The configuration the publisher starts with (default: the one `onair publisher setup` "
                    + "wrote: %%APPDATA%%\\OnAir, ~/Library/Application Support/OnAir or ~/.config/onair, "
                    + UserConfigDir.CONFIG_FILE + ").")
    Path config;

    @Option(
            names = "--jar",
            paramLabel = "FILE",
            description = "The OnAir jar to run (default: the one running now, the release's lib/onair.jar).")
    Path jar;

    @Option(names = "--dry-run", description = "Print what would be written and run, change nothing.")
    boolean dryRun;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ServiceCommands.run(spec, "install", () -> {
            Installer installer = Installer.forThisComputer(spec.commandLine().getOut(), dryRun);
            installer.install(config != null ? config : ServiceCommands.defaultConfig(), jar);
            return 0;
        });
    }
}
