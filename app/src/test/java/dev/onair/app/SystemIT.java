package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.FreePorts;
import dev.onair.testsupport.TestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as a user runs it (issue 6): certificates and users made with the CLI, then the broker, the
 * display (virtual panel), the bridge and a publisher following a Teams log folder, each a separate process of the
 * all-in-one jar. It checks what a person at the door, a dashboard and Home Assistant see, through a broker
 * {@code kill -9} and restart, down to the person going grey when their publisher stops.
 *
 * <p>Each process's output goes to {@code target/system-it/<node>.log}, printed when the test fails.
 */
class SystemIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Path.of("target", "system-it");
    /** A JVM starting and connecting over TLS: seconds alone, but four of them share a small, busy CI machine. */
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private static final List<Integer> PURPLE = List.of(0x80, 0x00, 0x80);
    private static final List<Integer> GREEN = List.of(0x00, 0xFF, 0x00);
    private static final List<Integer> RED = List.of(0xFF, 0x00, 0x00);
    private static final List<Integer> YELLOW = List.of(0xFF, 0xFF, 0x00);
    private static final List<Integer> GREY = List.of(0x80, 0x80, 0x80);

    @TempDir
    Path dir;

    @RegisterExtension
    final NodeLogs logs = new NodeLogs();

    private final List<Node> nodes = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();
    private List<String> brokerArgs;
    private int tlsPort;
    private int httpPort;
    private Dashboard dashboard;
    private Path teamsLog;

    @BeforeEach
    void makeCertificatesAndUsersWithTheCli() throws Exception {
        Files.createDirectories(LOGS);
        try (var old = Files.list(LOGS)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        int[] ports = FreePorts.several(4);
        tlsPort = ports[0];
        httpPort = ports[3];
        dashboard = new Dashboard(httpPort);
        brokerArgs = line(
                "broker --certs %s --users %s --data %s --tls-port %d --port %d --ws-port %d --no-mdns",
                dir.resolve("certs"), dir.resolve("users.yaml"), dir.resolve("data"), tlsPort, ports[1], ports[2]);

        cli(line("certs --host localhost --out %s", dir.resolve("certs")));
        for (String[] user : new String[][] {
            {"alice", "publisher"}, {"main", "display"}, {"bridge", "bridge"}, {"homeassistant", "homeassistant"}
        }) {
            String password = "pw-" + user[0] + "-" + Long.toHexString(System.nanoTime());
            Files.writeString(passwordFile(user[0]), password + "\n");
            cli(line("users add %s --role %s --password %s --file %s", user[0], user[1], password, usersFile()));
        }
        Files.createDirectories(teamsDir());
        teamsLog = teamsDir().resolve("MSTeams_2026-11-26_00-38-57.00.log");
        appendTeams("Available");
    }

    @AfterEach
    void stopEverything() {
        clients.forEach(TestClient::close);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
    }

    @Test
    void teamsToPanelAndHomeAssistant_survivesABrokerKill_andGoesGreyWhenThePublisherStops() throws Exception {
        Node broker = start("broker", brokerArgs);
        track(await("broker answers")
                .atMost(STARTUP)
                .until(this::haClientConnects, Optional::isPresent)
                .orElseThrow());
        List<String> display = line(
                "display --id main --panel virtual --http-port %d --http-host 127.0.0.1 --rainbow-seconds 0 --data %s",
                httpPort, dir.resolve("display-data"));
        start("display", asUser("main", display));
        start("bridge", asUser("bridge", line("bridge --bridge-id pi --learn-window 1s --republish-delay 1s")));
        List<String> publisher = line("publisher --person alice --teams-logs %s --teams-process-check off", teamsDir());
        Node alice = start("publisher", asUser("alice", publisher));

        // Teams says Available: the panel turns green.
        await("display health").atMost(STARTUP).until(() -> dashboard.status("/healthz") == 200);
        await("green frame").atMost(Duration.ofSeconds(30)).until(() -> dashboard.frameIs(GREEN));

        // A Teams line appended: the panel turns purple, and the dashboard's event stream says so.
        List<String> events = dashboard.openEventStream();
        appendTeams("DoNotDisturb");
        await("purple frame").atMost(Duration.ofSeconds(15)).until(() -> dashboard.frameIs(PURPLE));
        await("SSE presence event")
                .atMost(Duration.ofSeconds(15))
                .until(() -> events.stream()
                        .anyMatch(e -> e.startsWith("presence ") && e.contains("\"status\":\"do_not_disturb\"")));

        // Home Assistant sees a device for the person (with its override select) and one for the display.
        TestClient ha = track(haClientConnects().orElseThrow());
        assertThat(ha.subscribe("homeassistant/device/+/config")).isTrue();
        await("discovery configs")
                .atMost(Duration.ofSeconds(15))
                .until(() -> config(ha, "onair_person_alice").isPresent()
                        && config(ha, "onair_display_main").isPresent());
        assertThat(commandTopics(config(ha, "onair_person_alice").orElseThrow(), "select"))
                .containsExactly("onair/person/alice/set");
        assertThat(commandTopics(config(ha, "onair_display_main").orElseThrow(), "light"))
                .containsExactly("onair/display/main/set");

        // Home Assistant's select forces busy: the publisher applies it and the panel turns red; auto goes back.
        ha.publish("onair/person/alice/set", "busy", 1, false);
        await("override busy").atMost(Duration.ofSeconds(15)).until(() -> dashboard.frameIs(RED));
        assertThat(dashboard.person("alice").path("source").asText()).isEqualTo("override");
        ha.publish("onair/person/alice/set", "auto", 1, false);
        await("override cleared").atMost(Duration.ofSeconds(15)).until(() -> dashboard.frameIs(PURPLE));

        // kill -9 the broker; Teams changes while it is down; after a restart everything converges.
        broker.kill();
        await("display notices the broker is gone")
                .atMost(Duration.ofSeconds(15))
                .until(() -> dashboard.status("/healthz") == 503);
        appendTeams("BeRightBack");
        start("broker", brokerArgs);
        await("display reconnected").atMost(STARTUP).until(() -> dashboard.status("/healthz") == 200);
        TestClient after = track(await("broker back")
                .atMost(Duration.ofSeconds(30))
                .until(this::haClientConnects, Optional::isPresent)
                .orElseThrow());
        assertThat(after.subscribe("onair/#")).isTrue();
        await("presence and availability converge")
                .atMost(Duration.ofSeconds(30))
                .until(() -> retained(after, "onair/person/alice/presence").contains("\"status\":\"be_right_back\"")
                        && retained(after, "onair/person/alice/availability").equals("online")
                        && retained(after, "onair/display/main/availability").equals("online")
                        && retained(after, "onair/bridge/pi/availability").equals("online"));
        await("yellow frame").atMost(Duration.ofSeconds(15)).until(() -> dashboard.frameIs(YELLOW));
        // The bridge is back too: Home Assistant's birth message makes it republish its configs.
        assertThat(after.subscribe("homeassistant/device/+/config")).isTrue();
        after.publish("homeassistant/status", "online", 0, false);
        await("bridge republishes on Home Assistant's birth")
                .atMost(Duration.ofSeconds(15))
                .until(() -> after.received("homeassistant/device/onair_person_alice/config").stream()
                        .anyMatch(r -> !r.retain()));

        // The publisher stops (SIGTERM): availability offline, the person goes grey.
        alice.stop();
        await("grey frame").atMost(Duration.ofSeconds(15)).until(() -> dashboard.frameIs(GREY));
        assertThat(dashboard.person("alice").path("availability").asText()).isEqualTo("offline");
        assertThat(retained(after, "onair/person/alice/availability")).isEqualTo("offline");
    }

    // --- the nodes ----------------------------------------------------------------------------------------------

    /** {@code command} as {@code user}: with the broker options every node takes. */
    private List<String> asUser(String user, List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(line(
                "--broker mqtts://localhost:%d --ca %s --user %s --password-file %s",
                tlsPort, dir.resolve("certs/ca.crt"), user, passwordFile(user)));
        return args;
    }

    /**
     * A command line from a template: split into words at spaces first, then each {@code %} word formatted with the
     * next value, so a value with spaces (a temp folder's path) stays one word.
     */
    private static List<String> line(String template, Object... values) {
        List<String> words = new ArrayList<>();
        int next = 0;
        for (String word : template.split(" ")) {
            words.add(word.contains("%") ? String.format(word, values[next++]) : word);
        }
        return words;
    }

    private Node start(String name, List<String> args) throws IOException {
        Node node = Node.start(LOGS.resolve(name + ".log"), args);
        logs.add(node.log());
        nodes.add(node);
        return node;
    }

    /** Runs a CLI command (certs, users) to the end; it must succeed. */
    private void cli(List<String> args) throws IOException {
        Node node = Node.start(LOGS.resolve("cli.log"), args);
        logs.add(node.log());
        assertThat(node.waitFor(Duration.ofSeconds(60)))
                .as("exit code of onair %s %s (see %s)", args.get(0), args.get(1), node.log())
                .isZero();
    }

    private void appendTeams(String availability) throws IOException {
        Files.writeString(
                teamsLog,
                "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> native_modules::UserDataCrossCloudModule: "
                        + "Received Action: UserPresenceAction: {cloud_context: https://teams.microsoft.com, "
                        + "availability: " + availability + "}\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private Path passwordFile(String user) {
        return dir.resolve(user + ".password");
    }

    private Path teamsDir() {
        return dir.resolve("teams");
    }

    private Path usersFile() {
        return dir.resolve("users.yaml");
    }

    // --- what Home Assistant sees -------------------------------------------------------------------------------

    private Optional<TestClient> haClientConnects() {
        try {
            String password = Files.readString(passwordFile("homeassistant")).strip();
            BrokerSettings settings = new BrokerSettings(
                    BrokerAddress.parse("mqtts://localhost:" + tlsPort),
                    dir.resolve("certs/ca.crt"),
                    null,
                    "homeassistant",
                    password);
            return Optional.of(TestClient.connect(settings, "system-it-ha-" + System.nanoTime()));
        } catch (Exception notYet) {
            return Optional.empty();
        }
    }

    private TestClient track(TestClient client) {
        clients.add(client);
        return client;
    }

    private static Optional<JsonNode> config(TestClient ha, String device) throws IOException {
        List<TestClient.Received> received = ha.received("homeassistant/device/" + device + "/config");
        if (received.isEmpty() || received.get(received.size() - 1).payload().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(received.get(received.size() - 1).payload()));
    }

    private static List<String> commandTopics(JsonNode config, String platform) {
        List<String> topics = new ArrayList<>();
        config.path("components").forEach(c -> {
            if (c.path("platform").asText().equals(platform)) {
                topics.add(c.path("command_topic").asText());
            }
        });
        return topics;
    }

    /** The last message on {@code topic}, or "" before any. */
    private static String retained(TestClient client, String topic) {
        List<TestClient.Received> received = client.received(topic);
        return received.isEmpty() ? "" : received.get(received.size() - 1).payload();
    }
}
