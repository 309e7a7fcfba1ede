package dev.onair.publisher.install;

import dev.onair.publisher.presence.CommandRunner;
import dev.onair.publisher.setup.UserConfigDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code onair publisher install | uninstall | status} for this computer: picks the OS's login service and says what
 * it does. Also the entry point for {@code onair publisher setup}, which installs when the person agrees:
 * {@code Installer.forThisComputer(out, false).install(configFile)}.
 */
public final class Installer {
    /** How long one OS command may take (systemd starting the JVM, schtasks on a slow domain controller). */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final LoginService service;
    private final Host host;
    private final String java;
    private final Path jar;

    Installer(LoginService service, Host host, String java, Path jar) {
        this.service = service;
        this.host = host;
        this.java = java;
        this.jar = jar;
    }

    /** The login service of the OS this JVM runs on, with the real OS commands. */
    public static Installer forThisComputer(PrintWriter out, boolean dryRun) {
        return forOs(
                System.getProperty("os.name", ""),
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                Path.of(System.getProperty("java.home")),
                new SystemCommands(COMMAND_TIMEOUT),
                out,
                dryRun);
    }

    static Installer forOs(
            String osName,
            Map<String, String> env,
            Path home,
            Path javaHome,
            CommandRunner runner,
            PrintWriter out,
            boolean dryRun) {
        Host host = new Host(runner, out, dryRun);
        Path jar = RunningJar.path();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String user = env.getOrDefault("USERNAME", System.getProperty("user.name"));
            String domain = env.get("USERDOMAIN");
            LoginService task = new WindowsTask(
                    UserConfigDir.of(osName, env, home).resolve("publisher-task.xml"),
                    domain == null || domain.isBlank() ? user : domain + "\\" + user);
            // javaw: the same JVM without a console window.
            return new Installer(
                    task, host, javaHome.resolve("bin").resolve("javaw.exe").toString(), jar);
        }
        String java = javaHome.resolve("bin").resolve("java").toString();
        if (os.startsWith("mac")) {
            return new Installer(new MacLaunchAgent(home, UnixUser.uid()), host, java, jar);
        }
        return new Installer(new LinuxUserUnit(UserConfigDir.xdgConfigHome(env, home)), host, java, jar);
    }

    /**
     * Registers the publisher with {@code config}; replaces an earlier registration, never touches the file.
     *
     * @param jarFile the jar the service runs, or null for the one this JVM runs from ({@code lib/onair.jar})
     */
    public void install(Path config, Path jarFile) throws IOException {
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException(
                    "no configuration at " + config + ": run `onair publisher setup` first, or give --config FILE");
        }
        Path runs = jarFile != null ? jarFile : jar;
        if (runs == null || !Files.isRegularFile(runs)) {
            throw new IllegalArgumentException("this is not running from an OnAir jar (a build folder?): run "
                    + "install with the release's bin/onair, or give --jar FILE");
        }
        Path absolute = config.toAbsolutePath().normalize();
        LaunchCommand command = new LaunchCommand(
                java,
                JvmFlags.publisher(),
                runs.toAbsolutePath().normalize().toString(),
                absolute.toString(),
                absolute.getParent().toString());
        boolean replacing = host.exists(service.file());
        service.install(command, host);
        host.out()
                .println((host.dryRun()
                                ? "Would " + (replacing ? "replace " : "install ")
                                : replacing ? "Replaced " : "Installed ")
                        + service.describe() + ": the publisher starts when you log in (" + config + ").");
    }

    /** Removes the registration; the configuration stays. */
    public void uninstall() throws IOException {
        service.uninstall(host);
        host.out()
                .println((host.dryRun() ? "Would remove " : "Removed ") + service.describe()
                        + " (the configuration stays).");
    }

    /** Prints whether it is registered and what the OS says about it; true when registered. */
    public boolean status() {
        boolean registered = Files.exists(service.file());
        PrintWriter out = host.out();
        out.println(service.describe() + ": " + (registered ? "installed, " + service.file() : "not installed"));
        out.println(service.status(host));
        return registered;
    }

    LoginService service() {
        return service;
    }
}
