package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.runtime.config.Cli;
import dev.onair.runtime.config.ConfigException;
import dev.onair.runtime.config.ConfigFile;
import dev.onair.runtime.config.OnAirDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code password-store:} from the per-user file, and a password typed on the command line: the typed one wins. */
class PasswordStoreOptionTest {
    @TempDir
    Path dir;

    @Test
    void passwordFileOnTheCommandLine_winsOverTheStoreTheFileNames() throws Exception {
        Path yaml = setupFile();
        Path typed = Files.writeString(dir.resolve("typed"), "typed-pw\n");

        assertThat(config(yaml, "--password-file=" + typed).broker().password()).isEqualTo("typed-pw");
        assertThat(config(yaml).broker().password()).isEqualTo("stored-pw");
    }

    @Test
    void storeAndPassword_bothFromTheFile_isStillRefused() throws Exception {
        Path yaml = setupFile();
        Files.writeString(yaml, "password: pw\n", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> config(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--password-store and --password/--password-file: give one, not both");
    }

    /** What setup writes, with its password in an owner-only file. */
    private Path setupFile() throws Exception {
        Path stored = Files.writeString(dir.resolve("password"), "stored-pw\n");
        Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-------"));
        return Files.writeString(
                dir.resolve("publisher.yaml"),
                String.join(
                        "\n",
                        "broker: mqtts://pi.local:8883",
                        "ca-sha256: " + "ab".repeat(32),
                        "person: alice",
                        "user: alice",
                        "password-store: file:" + stored,
                        "teams-logs: /tmp/x",
                        ""));
    }

    private static PublisherConfig config(Path yaml, String... args) {
        PublisherCommand command = new PublisherCommand();
        CommandLine cli = Cli.commandLine(command);
        cli.setDefaultValueProvider(new OnAirDefaults(ConfigFile.load(yaml, List.of("publisher")), Map.of()));
        cli.parseArgs(args);
        return command.toConfig("Linux", Map.of(), Path.of("/home/alice"));
    }
}
