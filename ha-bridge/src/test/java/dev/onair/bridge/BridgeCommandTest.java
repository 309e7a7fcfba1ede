package dev.onair.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.presence.Status;
import dev.onair.runtime.config.Cli;
import dev.onair.runtime.config.ConfigFile;
import dev.onair.runtime.config.OnAirDefaults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BridgeCommandTest {
    @TempDir
    Path dir;

    @Test
    void badOptions_stopStartUp_listingEveryError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Cli.run(
                    new BridgeMain(),
                    new String[] {
                        "bridge",
                        "--broker",
                        "mqtt://localhost:1",
                        "--ha-user",
                        "ha",
                        "--gone-after",
                        "soon",
                        "--people",
                        "Bad Id=Bob",
                        "--ntfy-topic",
                        "t",
                        "--discovery-prefix",
                        "home/+",
                        "--bridge-id",
                        "Office PC"
                    },
                    Map.of());
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(text)
                .contains("--ha-user")
                .contains("--gone-after")
                .contains("--people")
                .contains("--ntfy-url and --ntfy-topic")
                .contains("--discovery-prefix")
                .contains("--bridge-id: bridge id 'Office PC' is invalid");
    }

    @Test
    void bridgeId_namesTheClientId_unlessOneIsGiven_andDefaultsToTheHostName() {
        BridgeConfig config = parse("bridge", "--broker", "mqtt://pi.local", "--bridge-id", "kitchen");
        assertThat(config.bridgeId()).isEqualTo("kitchen");
        assertThat(config.clientId()).isEqualTo("onair-bridge-kitchen");
        assertThat(parse("bridge", "--bridge-id", "kitchen", "--client-id", "my-bridge")
                        .clientId())
                .isEqualTo("my-bridge");
        BridgeConfig byHost = parse("bridge");
        assertThat(byHost.bridgeId()).isEqualTo(BridgeId.fromHost());
        assertThat(byHost.clientId()).isEqualTo("onair-bridge-" + BridgeId.fromHost());
        assertThat(BridgeId.fromHostName("raspberrypi.local")).isEqualTo("raspberrypi");
        assertThat(BridgeId.fromHostName("Office PC")).isEqualTo("office-pc");
        assertThat(BridgeId.fromHostName("---")).isEqualTo("bridge");
        assertThat(BridgeId.fromHostName(null)).isEqualTo("bridge");
    }

    private static BridgeConfig parse(String... args) {
        CommandLine cli = new CommandLine(new BridgeMain());
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return ((BridgeCommand) parsed.subcommand().commandSpec().userObject()).toConfig();
    }

    @Test
    void yamlEnvironmentAndFlags_becomeTheBridgeConfig() throws Exception {
        Path yaml = dir.resolve("onair.yaml");
        Files.writeString(
                yaml,
                String.join(
                        "\n",
                        "broker: mqtt://pi.local:1883",
                        "bridge:",
                        "  people: {alice: Alice Smith, bob: Bob}",
                        "  displays: [office]",
                        "  gone_after: 2h",
                        "  ntfy_url: https://ntfy.example",
                        "  ntfy_topic: office-status",
                        "  ntfy_statuses: [busy, do_not_disturb]",
                        ""));
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "tk_secret\n");
        BridgeMain top = new BridgeMain();
        CommandLine cli = Cli.commandLine(top);
        cli.setDefaultValueProvider(new OnAirDefaults(
                ConfigFile.load(yaml, List.of("onair", "bridge")),
                Map.of("ONAIR_HA_BROKER", "mqtt://ha.local", "ONAIR_NTFY_TOKEN_FILE", tokenFile.toString())));
        CommandLine.ParseResult parsed = cli.parseArgs("bridge", "--discovery-prefix", "ha", "--no-auto-discover");
        BridgeCommand command =
                (BridgeCommand) parsed.subcommand().commandSpec().userObject();

        BridgeConfig config = command.toConfig();

        assertThat(config.onair().address().toString()).isEqualTo("mqtt://pi.local:1883");
        assertThat(config.ha().address().toString()).isEqualTo("mqtt://ha.local:1883");
        assertThat(config.topics().discoveryPrefix()).isEqualTo("ha");
        assertThat(config.people()).containsExactly(new NodeName("alice", "Alice Smith"), new NodeName("bob", "Bob"));
        assertThat(config.displays()).containsExactly(new NodeName("office", "office"));
        assertThat(config.autoDiscover()).isFalse();
        assertThat(config.goneAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(config.ntfy().token()).isEqualTo("tk_secret");
        assertThat(config.ntfy().statuses()).containsExactlyInAnyOrder(Status.BUSY, Status.DO_NOT_DISTURB);
        assertThat(config.ntfy().toString()).doesNotContain("tk_secret");
    }
}
