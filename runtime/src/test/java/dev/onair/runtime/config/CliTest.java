package dev.onair.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.runtime.mqtt.BrokerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class CliTest {
    @Command(name = "onair", subcommands = Node.class)
    static class Top {}

    @Command(name = "node")
    static class Node implements Callable<Integer> {
        static Node last;

        @Mixin
        BrokerOptions broker;

        @Option(names = "--http-port", defaultValue = "5000")
        int httpPort;

        @Option(names = "--color", split = ",")
        Map<String, String> colors;

        @Option(names = "--config", paramLabel = "FILE")
        Path config;

        BrokerSettings settings;

        @Override
        public Integer call() {
            ConfigErrors errors = new ConfigErrors();
            settings = broker.settings(errors, "localhost");
            errors.throwIfAny();
            last = this;
            return 0;
        }
    }

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @BeforeEach
    void captureErr() {
        Node.last = null;
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(oldErr);
    }

    @Test
    void noFile_noEnv_usesDefaults() {
        assertThat(Cli.run(new Top(), new String[] {"node"}, Map.of())).isZero();
        assertThat(Node.last.httpPort).isEqualTo(5000);
        assertThat(Node.last.settings.address().toString()).isEqualTo("mqtts://localhost:8883");
    }

    @Test
    void flagsBeatEnvironment_whichBeatsTheFile() throws Exception {
        Path yaml = write("broker: mqtt://from-file\nhttp_port: 6000\nuser: file-user\nnode:\n  http-port: 6500\n");
        Map<String, String> env = Map.of("ONAIR_USER", "env-user", "ONAIR_BROKER", "mqtt://from-env");

        assertThat(Cli.run(new Top(), new String[] {"node", "--config", yaml.toString()}, env))
                .isZero();
        assertThat(Node.last.httpPort)
                .as("the command's section beats the top level")
                .isEqualTo(6500);
        assertThat(Node.last.settings.user()).isEqualTo("env-user");
        assertThat(Node.last.settings.address().host()).isEqualTo("from-env");

        assertThat(Cli.run(
                        new Top(),
                        new String[] {
                            "node", "--config", yaml.toString(), "--http-port", "7000", "--broker", "mqtt://from-flag"
                        },
                        env))
                .isZero();
        assertThat(Node.last.httpPort).isEqualTo(7000);
        assertThat(Node.last.settings.address().host()).isEqualTo("from-flag");
    }

    @Test
    void yamlMappingsAndLists_becomeMapOptions() throws Exception {
        Path yaml = write("color:\n  busy: \"#FF0000\"\n  away: \"#FFFF00\"\n");
        assertThat(Cli.run(new Top(), new String[] {"node", "--config", yaml.toString()}, Map.of()))
                .isZero();
        assertThat(Node.last.colors).containsEntry("busy", "#FF0000").containsEntry("away", "#FFFF00");
    }

    @Test
    void everyErrorIsReportedAtOnce_withExitCode1() {
        int code = Cli.run(new Top(), new String[] {"node", "--http-port", "abc", "--bogus"}, Map.of());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("abc").contains("--bogus");
        assertThat(Node.last).isNull();
    }

    @Test
    void semanticErrorsAreCollectedToo() {
        int code = Cli.run(
                new Top(),
                new String[] {"node", "--broker", "http://x", "--ca-sha256", "zz", "--password", "pw"},
                Map.of());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("3 configuration errors")
                .contains("--broker")
                .contains("--ca-sha256")
                .contains("needs --user")
                .doesNotContain("pw\n");
    }

    @Test
    void unknownYamlKeys_areErrors() throws Exception {
        Path yaml = write("brokr: x\nnode:\n  http-prot: 1\n");
        assertThat(Cli.run(new Top(), new String[] {"node", "--config", yaml.toString()}, Map.of()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'brokr'").contains("'node.http-prot'");
    }

    @Test
    void badEnvironmentValue_isReported() {
        assertThat(Cli.run(new Top(), new String[] {"node"}, Map.of("ONAIR_HTTP_PORT", "lots")))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lots");
    }

    @Test
    void missingConfigFile_isReported() {
        assertThat(Cli.run(
                        new Top(),
                        new String[] {
                            "node", "--config", dir.resolve("nope.yaml").toString()
                        },
                        Map.of()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");
    }

    @Test
    void passwordFile_isReadAndNeverPrinted() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "hunter2\n");
        assertThat(Cli.run(new Top(), new String[] {"node", "--user", "u", "--password-file", pw.toString()}, Map.of()))
                .isZero();
        assertThat(Node.last.settings.password()).isEqualTo("hunter2");
        assertThat(Node.last.settings.toString()).doesNotContain("hunter2");
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("onair.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
