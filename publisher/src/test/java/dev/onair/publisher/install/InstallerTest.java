package dev.onair.publisher.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.publisher.PublisherMain;
import dev.onair.publisher.setup.UserConfigDir;
import dev.onair.testsupport.CliCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole of install, uninstall and status on Linux, this machine's OS: the files for real (in a stand-in home),
 * the systemctl commands recorded. Also the command line, which is wired to the OS this runs on.
 */
class InstallerTest {
    @TempDir
    Path dir;

    private final RecordingRunner runner = new RecordingRunner();
    private final StringWriter printed = new StringWriter();

    private Installer linux(Path home) {
        return Installer.forOs(
                "Linux",
                Map.of(),
                home,
                Path.of(System.getProperty("java.home")),
                runner,
                new PrintWriter(printed, true),
                false);
    }

    @Test
    void install_startsTheJarWithTheShippedFlags_andTheConfiguration_thenReplaces_thenRemoves() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path config = Files.writeString(
                Files.createDirectories(home.resolve(".config/onair")).resolve("publisher.yaml"), "person: alice\n");
        Path jar = Files.writeString(
                Files.createDirectories(dir.resolve("onair/lib")).resolve("onair.jar"), "jar");
        Installer installer = linux(home);

        installer.install(config, jar);

        Path unit = home.resolve(".config/systemd/user/onair-publisher.service");
        List<String> expected = new ArrayList<>();
        expected.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        expected.addAll(JvmFlags.publisher());
        expected.addAll(List.of("-jar", jar.toString(), "publisher", "--config", config.toString()));
        assertThat(Files.readString(unit)).contains("\nExecStart=" + String.join(" ", expected) + "\n");
        LinuxUserUnitTest.verify(unit);
        assertThat(printed.toString()).contains("Installed systemd user unit onair-publisher.service");

        installer.install(config, jar);

        assertThat(printed.toString()).contains("Replaced systemd user unit onair-publisher.service");
        assertThat(config).hasContent("person: alice");
        assertThat(installer.status()).isTrue();

        installer.uninstall();

        assertThat(unit).doesNotExist();
        assertThat(config).hasContent("person: alice");
        assertThat(installer.status()).isFalse();
        assertThat(runner.commands)
                .containsExactly(
                        List.of("systemctl", "--user", "daemon-reload"),
                        List.of("systemctl", "--user", "enable", "--now", "onair-publisher.service"),
                        List.of("systemctl", "--user", "daemon-reload"),
                        List.of("systemctl", "--user", "enable", "--now", "onair-publisher.service"),
                        List.of("systemctl", "--user", "restart", "onair-publisher.service"),
                        List.of("systemctl", "--user", "is-enabled", "onair-publisher.service"),
                        List.of("systemctl", "--user", "is-active", "onair-publisher.service"),
                        List.of("systemctl", "--user", "disable", "--now", "onair-publisher.service"),
                        List.of("systemctl", "--user", "daemon-reload"),
                        List.of("systemctl", "--user", "is-enabled", "onair-publisher.service"),
                        List.of("systemctl", "--user", "is-active", "onair-publisher.service"));
    }

    @Test
    void install_withoutAConfiguration_saysToRunSetup_andRegistersNothing() {
        Path missing = dir.resolve("home/.config/onair/publisher.yaml");

        assertThatThrownBy(() -> linux(dir.resolve("home")).install(missing, dir.resolve("onair.jar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no configuration at " + missing
                        + ": run `onair publisher setup` first, or give --config FILE");
        assertThat(runner.commands).isEmpty();
    }

    @Test
    void install_fromABuildFolder_asksForTheJar() throws Exception {
        Path config = Files.writeString(dir.resolve("publisher.yaml"), "person: alice\n");

        // The tests run from target/classes, not from a jar.
        assertThatThrownBy(() -> linux(dir).install(config, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give --jar FILE");
    }

    @Test
    void windowsAndMac_useTheirOwnServiceAndPlaces() {
        Path home = dir.resolve("home");
        Installer windows = Installer.forOs(
                "Windows 11",
                Map.of("APPDATA", home.resolve("Roaming").toString(), "USERDOMAIN", "CONTOSO", "USERNAME", "alice"),
                home,
                Path.of("jdk"),
                runner,
                new PrintWriter(printed),
                true);

        assertThat(windows.service()).isInstanceOf(WindowsTask.class);
        assertThat(windows.service().file()).isEqualTo(home.resolve("Roaming/OnAir/publisher-task.xml"));
        assertThat(UserConfigDir.configFile("Windows 11", Map.of("APPDATA", "/r"), home))
                .isEqualTo(Path.of("/r/OnAir/publisher.yaml"));
        assertThat(UserConfigDir.configFile("Mac OS X", Map.of(), home))
                .isEqualTo(home.resolve("Library/Application Support/OnAir/publisher.yaml"));
        assertThat(UserConfigDir.configFile("Linux", Map.of("XDG_CONFIG_HOME", "/x"), home))
                .isEqualTo(Path.of("/x/onair/publisher.yaml"));
        assertThat(UserConfigDir.configFile("Linux", Map.of(), home))
                .isEqualTo(home.resolve(".config/onair/publisher.yaml"));
    }

    @Test
    void jvmFlags_areTheOnesTheBuildFilledIn() {
        assertThat(String.join(" ", JvmFlags.publisher())).isEqualTo(System.getProperty("onair.publisher.jvm.flags"));
    }

    @Test
    void commandLine_publisherInstallDryRun_printsTheUnit_andChangesNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("publisher.yaml"), "person: alice\n");
        Path jar = Files.writeString(dir.resolve("onair.jar"), "jar");

        CliCapture run = CliCapture.run(
                new PublisherMain(),
                Map.of(),
                "publisher",
                "install",
                "--dry-run",
                "--config",
                config.toString(),
                "--jar",
                jar.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Would write ")
                .contains("ExecStart=")
                .contains(String.join(" ", JvmFlags.publisher()))
                .contains("Would run: systemctl --user enable --now onair-publisher.service");
    }

    @Test
    void commandLine_publisherInstall_withAMissingConfiguration_failsWithExitCode1() {
        Path missing = dir.resolve("nowhere.yaml");

        CliCapture run = CliCapture.run(
                new PublisherMain(), Map.of(), "publisher", "install", "--dry-run", "--config", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString()).contains("does not exist");
        assertThat(run.out()).doesNotContain("Would");
    }
}
