package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.broker.testing.MosquittoBroker;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.FreePorts;
import dev.onair.testsupport.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system on Debian's Mosquitto instead of the embedded broker (issue 18): Mosquitto runs on exactly what
 * {@code onair users export --format mosquitto} wrote; the publisher, display and bridge are the all-in-one jar's
 * processes, pointed at it with nothing but {@code --broker}, {@code --ca}, {@code --user} and a password file. A
 * person's presence reaches the panel, the bridge's discovery reaches Home Assistant, Home Assistant's override reaches
 * the publisher and the panel; a retained {@code set} Mosquitto stored (it cannot refuse one) is never applied.
 */
class MosquittoSystemIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Path.of("target", "mosquitto-system-it");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final List<Integer> GREEN = List.of(0x00, 0xFF, 0x00);
    private static final List<Integer> RED = List.of(0xFF, 0x00, 0x00);

    @TempDir
    Path dir;

    @RegisterExtension
    final NodeLogs logs = new NodeLogs();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Node> nodes = new ArrayList<>();
    private MosquittoBroker mosquitto;
    private TestClient ha;
    private int httpPort;

    @AfterEach
    void stopEverything() {
        if (ha != null) {
            ha.close();
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void publisherToPanel_bridgeDiscovery_andHomeAssistantsOverride_allOnMosquitto() throws Exception {
        Files.createDirectories(LOGS);
        mosquitto = MosquittoBroker.in(dir);
        mosquitto.addUser("alice", Role.PUBLISHER);
        mosquitto.addUser("main", Role.DISPLAY);
        mosquitto.addUser("bridge", Role.BRIDGE);
        mosquitto.addUser("homeassistant", Role.HOMEASSISTANT);
        mosquitto.start();
        logs.add(mosquitto.log());
        httpPort = FreePorts.one();
        Path teams = dir.resolve("teams");
        Files.createDirectories(teams);
        Files.writeString(
                teams.resolve("MSTeams_2026-11-26_00-38-57.00.log"),
                "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> native_modules::UserDataCrossCloudModule: "
                        + "Received Action: UserPresenceAction: {cloud_context: https://teams.microsoft.com, "
                        + "availability: Available}\n");

        // Someone left a retained override on the broker. OnAir's broker refuses that; Mosquitto stores it.
        ha = TestClient.connect(mosquitto.settings("homeassistant"), "homeassistant");
        ha.publish("onair/person/alice/set", "busy", 1, true);

        start(
                "display",
                "main",
                "display --id main --panel virtual --http-port %d --http-host 127.0.0.1 --rainbow-seconds 0 --data %s",
                httpPort,
                dir.resolve("display-data"));
        start("bridge", "bridge", "bridge --learn-window 1s --republish-delay 1s");
        start("publisher", "alice", "publisher --person alice --teams-logs %s --teams-process-check off", teams);

        // Teams says Available: the panel turns green, and stays so: the stored retained "busy" is not applied.
        await("display health").atMost(STARTUP).until(() -> status("/healthz") == 200);
        await("green frame").atMost(STARTUP).until(() -> frameIs(GREEN));
        assertThat(ha.subscribe("onair/person/alice/presence")).isTrue();
        await("alice's presence")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !ha.received("onair/person/alice/presence").isEmpty());
        JsonNode presence = JSON.readTree(last(ha, "onair/person/alice/presence"));
        assertThat(presence.path("status").asText()).isEqualTo("available");
        assertThat(presence.path("source").asText()).isNotEqualTo("override");

        // Home Assistant sees the bridge's devices: the person with its override select, the display.
        assertThat(ha.subscribe("homeassistant/device/+/config")).isTrue();
        await("discovery configs")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !last(ha, "homeassistant/device/onair_person_alice/config")
                                .isEmpty()
                        && !last(ha, "homeassistant/device/onair_display_main/config")
                                .isEmpty());
        assertThat(last(ha, "homeassistant/device/onair_person_alice/config")).contains("onair/person/alice/set");

        // Home Assistant's select forces busy: the publisher applies it, the panel turns red; auto goes back.
        ha.publish("onair/person/alice/set", "busy", 1, false);
        await("override busy").atMost(Duration.ofSeconds(30)).until(() -> frameIs(RED));
        await("presence says override")
                .atMost(Duration.ofSeconds(15))
                .until(() -> JSON.readTree(last(ha, "onair/person/alice/presence"))
                        .path("source")
                        .asText()
                        .equals("override"));
        ha.publish("onair/person/alice/set", "auto", 1, false);
        await("override cleared").atMost(Duration.ofSeconds(30)).until(() -> frameIs(GREEN));
        ha.publish("onair/person/alice/set", "", 1, true);
    }

    private void start(String name, String user, String template, Object... values) throws IOException {
        Path password = dir.resolve(user + ".password");
        Files.writeString(password, mosquitto.password(user) + "\n");
        List<String> args = new ArrayList<>();
        int next = 0;
        for (String word : template.split(" ")) {
            args.add(word.contains("%") ? String.format(word, values[next++]) : word);
        }
        args.addAll(List.of(
                "--broker",
                "mqtts://localhost:" + mosquitto.tlsPort(),
                "--ca",
                mosquitto.caFile().toString(),
                "--user",
                user,
                "--password-file",
                password.toString()));
        Node node = Node.start(LOGS.resolve(name + ".log"), args);
        logs.add(node.log());
        nodes.add(node);
    }

    private static String last(TestClient client, String topic) {
        List<TestClient.Received> received = client.received(topic);
        return received.isEmpty() ? "" : received.get(received.size() - 1).payload();
    }

    private int status(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Whether every pixel of the virtual panel shows {@code rgb} (one person fills it). */
    private boolean frameIs(List<Integer> rgb) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/display/frame"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode frame = JSON.readTree(response.body());
        for (JsonNode pixel : frame.path("pixels")) {
            for (int i = 0; i < 3; i++) {
                if (pixel.get(i).asInt() != rgb.get(i)) {
                    return false;
                }
            }
        }
        return frame.path("pixels").size() > 0;
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(5))
                .build();
    }
}
