package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.publisher.PublisherConfig.Source;
import dev.onair.publisher.teams.TeamsAccount;
import dev.onair.publisher.teams.TeamsClient;
import dev.onair.runtime.config.Cli;
import dev.onair.runtime.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherCommandTest {
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void doneWhenCommand_onWindows_followsNewTeamsWithTheProcessCheck() {
        PublisherConfig cfg = config(
                "Windows 11",
                Map.of("LOCALAPPDATA", "C:\\Users\\alice\\AppData\\Local"),
                "--person",
                "alice",
                "--broker",
                "pi.local",
                "--ca-sha256",
                "ab".repeat(32),
                "--user",
                "alice");

        assertThat(cfg.source()).isEqualTo(Source.TEAMS_LOG);
        assertThat(cfg.teams().client()).isEqualTo(TeamsClient.NEW);
        assertThat(cfg.teams().location().toString().replace('\\', '/'))
                .endsWith("Packages/MSTeams_8wekyb3d8bbwe/LocalCache/Microsoft/MSTeams/Logs");
        assertThat(cfg.teams().processCheck()).isTrue();
        assertThat(cfg.teams().pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(cfg.teams().account()).isEqualTo(TeamsAccount.WORK);
        assertThat(cfg.broker().address().toString()).isEqualTo("mqtts://pi.local:8883");
        assertThat(cfg.http()).isNull();
    }

    @Test
    void onMacOs_classicTeamsAndTheProcessCheckSwitch() {
        PublisherConfig cfg = config(
                "Mac OS X",
                Map.of(),
                "--person",
                "alice",
                "--broker",
                "pi.local",
                "--ca-sha256",
                "ab".repeat(32),
                "--teams-client",
                "classic",
                "--teams-process-check",
                "off");

        assertThat(cfg.teams().client()).isEqualTo(TeamsClient.CLASSIC);
        assertThat(cfg.teams().location())
                .isEqualTo(HOME.resolve("Library/Application Support/Microsoft/Teams/logs.txt"));
        assertThat(cfg.teams().processCheck()).isFalse();
    }

    @Test
    void onLinux_thereIsNoDefaultFolder_andNoProcessCheck() {
        PublisherConfig cfg = config(
                "Linux",
                Map.of(),
                "--person",
                "alice",
                "--broker",
                "pi.local",
                "--ca-sha256",
                "ab".repeat(32),
                "--teams-logs",
                "/tmp/logs");
        assertThat(cfg.teams().location()).isEqualTo(Path.of("/tmp/logs"));
        assertThat(cfg.teams().processCheck()).isFalse();

        assertThatThrownBy(() -> config(
                        "Linux", Map.of(), "--person", "alice", "--broker", "pi.local", "--ca-sha256", "ab".repeat(32)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--teams-logs DIR");
    }

    @Test
    void pullAndPushModes_buildTheirSettings() {
        PublisherConfig pull = config(
                "Linux",
                Map.of(),
                "--person",
                "bob",
                "--broker",
                "localhost",
                "--ca-sha256",
                "ab".repeat(32),
                "--poll",
                "http://work-pc:8080/status",
                "--poll-interval",
                "10s",
                "--poll-grace",
                "1m");
        assertThat(pull.source()).isEqualTo(Source.HTTP_PULL);
        assertThat(pull.poll().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pull.poll().grace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(pull.teams()).isNull();

        PublisherConfig push = config(
                "Linux",
                Map.of(),
                "--person",
                "bob",
                "--broker",
                "localhost",
                "--ca-sha256",
                "ab".repeat(32),
                "--push-ingress",
                "--api-key",
                "k3y");
        assertThat(push.source()).isEqualTo(Source.HTTP_PUSH);
        assertThat(push.http().port()).isEqualTo(8080);
        assertThat(push.http().bind()).isEqualTo("0.0.0.0");
        assertThat(push.http().apiKey()).isEqualTo("k3y");
    }

    @Test
    void teamsAccount_chosen_isFollowed_andSpacesAreRefused() {
        PublisherConfig cfg = withTeamsAccount("118c7aa5-4e0a-4276-9cd5-68e8e9ea9ede");
        assertThat(cfg.teams().account().spec()).isEqualTo("118c7aa5-4e0a-4276-9cd5-68e8e9ea9ede");

        assertThatThrownBy(() -> withTeamsAccount("my work"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--teams-account");
    }

    private static PublisherConfig withTeamsAccount(String account) {
        return config(
                "Linux",
                Map.of(),
                "--person",
                "alice",
                "--broker",
                "pi.local",
                "--ca-sha256",
                "ab".repeat(32),
                "--teams-logs",
                "/tmp/logs",
                "--teams-account",
                account);
    }

    @Test
    void name_isSentAsGiven_trimmed_andAnOverlongOneIsRefused() {
        String[] base = {
            "--person", "alice", "--broker", "pi.local", "--ca-sha256", "ab".repeat(32), "--teams-logs", "/tmp/x"
        };
        assertThat(config("Linux", Map.of(), base).name()).isNull();
        String[] named = java.util.Arrays.copyOf(base, base.length + 2);
        named[base.length] = "--name";
        named[base.length + 1] = "  Alice Smith ";
        assertThat(config("Linux", Map.of(), named).name()).isEqualTo("Alice Smith");

        named[base.length + 1] = "A".repeat(49);
        assertThatThrownBy(() -> config("Linux", Map.of(), named))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--name")
                .hasMessageContaining("1 to 48 characters");
    }

    @Test
    void everyBadOption_isReportedAtOnce() {
        assertThatThrownBy(() -> config(
                        "Windows 10",
                        Map.of(),
                        "--broker",
                        "mqtts://pi.local/path",
                        "--teams-process-check",
                        "maybe",
                        "--teams-poll-interval",
                        "soon",
                        "--push-ingress",
                        "--poll",
                        "http://x/status",
                        "--working-hours",
                        "Moon 08:00-17:00",
                        "--time-zone",
                        "Mars/Olympus"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors())
                        .anySatisfy(m -> assertThat(m).startsWith("--person"))
                        .anySatisfy(m -> assertThat(m).startsWith("--broker"))
                        .anySatisfy(m -> assertThat(m).startsWith("--poll and --push-ingress"))
                        .anySatisfy(m -> assertThat(m).startsWith("--time-zone"))
                        .anySatisfy(m -> assertThat(m).startsWith("--push-ingress")));
    }

    @Test
    void noBroker_needsTheCaToCheckTheMdnsAnswer() {
        assertThatThrownBy(() -> config(
                        "Linux",
                        Map.of(),
                        "--person",
                        "alice",
                        "--teams-logs",
                        "/tmp/x",
                        "--ca",
                        "/nonexistent/ca.crt"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--ca: cannot read");
    }

    @Test
    void passwordStore_isReadAtStart_andNeverWrittenInTheConfiguration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        PublisherConfig cfg = config(
                "Linux",
                Map.of(),
                "--person=alice",
                "--broker=pi.local",
                "--ca-sha256=" + "ab".repeat(32),
                "--user=alice",
                "--teams-logs=/tmp/x",
                "--password-store=file:" + file);

        assertThat(cfg.broker().password()).isEqualTo("s3cret");
    }

    @Test
    void passwordStore_readableByOthers_isAConfigurationError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        assertThatThrownBy(() -> config(
                        "Linux",
                        Map.of(),
                        "--person=alice",
                        "--broker=pi.local",
                        "--ca-sha256=" + "ab".repeat(32),
                        "--user=alice",
                        "--teams-logs=/tmp/x",
                        "--password-store=file:" + file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--password-store: the password file " + file + " can be read by others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void passwordStore_withAPasswordToo_isRefused() {
        assertThatThrownBy(() -> config(
                        "Linux",
                        Map.of(),
                        "--person=alice",
                        "--broker=pi.local",
                        "--user=alice",
                        "--password=x",
                        "--teams-logs=/tmp/x",
                        "--password-store=file:/nonexistent"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--password-store and --password/--password-file: give one, not both");
    }

    @Test
    void dashboardUrl_thatIsNotHttp_isAConfigurationError() {
        assertThatThrownBy(() -> config(
                        "Linux",
                        Map.of(),
                        "--person=alice",
                        "--broker=pi.local",
                        "--teams-logs=/tmp/x",
                        "--dashboard-url=file:///etc/passwd"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--dashboard-url: 'file:///etc/passwd' is not an http(s) URL");
    }

    private static PublisherConfig config(String os, Map<String, String> env, String... args) {
        PublisherCommand command = new PublisherCommand();
        Cli.commandLine(command).parseArgs(args);
        return command.toConfig(os, env, HOME);
    }
}
