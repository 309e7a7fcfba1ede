package dev.onair.publisher.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.testsupport.OutsideTool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd user unit, for real on disk and checked by systemd's own {@code systemd-analyze verify}; the
 * {@code systemctl --user} commands are recorded, since a build machine has no user service manager to run them.
 */
class LinuxUserUnitTest {
    @TempDir
    Path dir;

    private final RecordingRunner runner = new RecordingRunner();
    private final StringWriter printed = new StringWriter();

    private Host host(boolean dryRun) {
        return new Host(runner, new PrintWriter(printed, true), dryRun);
    }

    /** A real java and a jar under a folder with a space, so verify checks real paths and the quoting. */
    private LaunchCommand command() throws Exception {
        Path release = Files.createDirectories(dir.resolve("OnAir 0.1.0/lib"));
        Path jar = Files.writeString(release.resolve("onair.jar"), "not really a jar");
        Path config = Files.writeString(
                Files.createDirectories(dir.resolve("home/.config/onair")).resolve("publisher.yaml"),
                "person: alice\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new LaunchCommand(
                java,
                List.of("-XX:+UseSerialGC", "-Xmx32m"),
                jar.toString(),
                config.toString(),
                config.getParent().toString());
    }

    @Test
    void install_writesAUnitSystemdAccepts_andEnablesItNow() throws Exception {
        LaunchCommand command = command();
        LinuxUserUnit unit = new LinuxUserUnit(dir.resolve("home/.config"));

        unit.install(command, host(false));

        Path file = dir.resolve("home/.config/systemd/user/onair-publisher.service");
        assertThat(unit.file()).isEqualTo(file);
        assertThat(Files.readString(file))
                .isEqualTo("""
                # OnAir publisher, written by `onair publisher install` (remove with `onair publisher uninstall`).
                [Unit]
                Description=OnAir publisher (Microsoft Teams presence to the light by the door)
                Documentation=https://github.com/onair-presence/onair
                After=network-online.target

                [Service]
                Type=simple
                WorkingDirectory=%s
                # At most two glibc malloc arenas (bench/README.md, "Publisher idle").
                Environment=MALLOC_ARENA_MAX=2
                ExecStart=%s -XX:+UseSerialGC -Xmx32m -jar "%s" publisher --config %s
                Restart=on-failure
                RestartSec=10

                [Install]
                WantedBy=default.target
                """.formatted(command.workingDir(), command.java(), command.jar(), command.config()));
        verify(file);
        assertThat(runner.commands)
                .containsExactly(
                        List.of("systemctl", "--user", "daemon-reload"),
                        List.of("systemctl", "--user", "enable", "--now", "onair-publisher.service"));
    }

    @Test
    void installAgain_reloadsAndRestarts_keepingTheConfiguration() throws Exception {
        LaunchCommand command = command();
        LinuxUserUnit unit = new LinuxUserUnit(dir.resolve("home/.config"));
        unit.install(command, host(false));
        runner.commands.clear();

        unit.install(command, host(false));

        assertThat(runner.commands)
                .containsExactly(
                        List.of("systemctl", "--user", "daemon-reload"),
                        List.of("systemctl", "--user", "enable", "--now", "onair-publisher.service"),
                        List.of("systemctl", "--user", "restart", "onair-publisher.service"));
        assertThat(Path.of(command.config())).hasContent("person: alice");
    }

    @Test
    void uninstall_disablesStopsAndRemovesTheUnit() throws Exception {
        LinuxUserUnit unit = new LinuxUserUnit(dir.resolve("home/.config"));
        unit.install(command(), host(false));
        runner.commands.clear();

        unit.uninstall(host(false));

        assertThat(runner.commands)
                .containsExactly(
                        List.of("systemctl", "--user", "disable", "--now", "onair-publisher.service"),
                        List.of("systemctl", "--user", "daemon-reload"));
        assertThat(unit.file()).doesNotExist();
    }

    @Test
    void status_asksWhetherEnabledAndActive() {
        runner.answering(List.of("systemctl", "--user", "is-enabled", "onair-publisher.service"), "enabled")
                .failing(List.of("systemctl", "--user", "is-active", "onair-publisher.service"), "inactive");

        assertThat(new LinuxUserUnit(dir).status(host(false)))
                .isEqualTo("enabled: enabled\nactive: (systemctl --user is-active onair-publisher.service exited with"
                        + " 1: inactive)");
    }

    @Test
    void quote_escapesWhatSystemdWouldExpand() {
        assertThat(LinuxUserUnit.quote("/opt/onair/lib/onair.jar")).isEqualTo("/opt/onair/lib/onair.jar");
        assertThat(LinuxUserUnit.quote("/home/a b/x.jar")).isEqualTo("\"/home/a b/x.jar\"");
        assertThat(LinuxUserUnit.quote("100%")).isEqualTo("100%%");
        assertThat(LinuxUserUnit.quote("$HOME")).isEqualTo("$$HOME");
        assertThat(LinuxUserUnit.quote("a\"b c")).isEqualTo("\"a\\\"b c\"");
    }

    /** systemd's own check: no unknown key, an executable ExecStart, a valid [Install]. */
    static void verify(Path unit) throws Exception {
        OutsideTool.require(
                MacLaunchAgentTest.onPath("systemd-analyze"), "systemd-analyze (Debian: apt install systemd)");
        Process p = new ProcessBuilder("systemd-analyze", "verify", unit.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("systemd-analyze verify said").isBlank();
    }
}
