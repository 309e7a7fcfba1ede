package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.runtime.config.Cli;
import dev.onair.runtime.lifecycle.Lifecycle;
import dev.onair.testsupport.Cleanup;
import dev.onair.testsupport.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code onair demo} as the README promises: everything up, a Teams line changes the light, the folder reused. */
class DemoIT {
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    @Test
    void demo_showsTeamsPresence_takesOverrides_andReusesItsFolder() throws Exception {
        int[] ports = FreePorts.several(4);
        DemoCommand command = demoCommand(ports);
        DemoCommand.Demo demo = command.prepare();
        Lifecycle lifecycle = cleanup.add(new Lifecycle(), Lifecycle::stop);
        demo.start(lifecycle);

        // The seeded log says Available: the dashboard shows person demo green.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(summary(ports[3], "demo")).isEqualTo("available #00FF00 teams-log"));

        // Appending a Teams line, as Teams does, changes the light.
        Files.writeString(demo.log, TeamsDemoLog.line(LocalDateTime.now(), "DoNotDisturb"), StandardOpenOption.APPEND);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(person(ports[3], "demo").path("status").asText())
                                .isEqualTo("do_not_disturb"));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(centrePixel(ports[3])).isEqualTo(List.of(128, 0, 128)));

        // The printed `./onair set` line works as printed.
        ByteArrayOutputStream welcome = new ByteArrayOutputStream();
        demo.printWelcome(new PrintStream(welcome, true, StandardCharsets.UTF_8));
        String text = welcome.toString(StandardCharsets.UTF_8);
        Path config = tmp.resolve("demo").resolve("onair.yaml");
        assertThat(text)
                .contains("http://127.0.0.1:" + ports[3] + "/")
                .contains("./onair set busy --for 1m --config " + config)
                .contains("mosquitto_sub -h 127.0.0.1 -p " + ports[1])
                .contains("mosquitto_sub -h 127.0.0.1 -p " + ports[1] + " -t 'onair/#' -t 'homeassistant/#' -v")
                .doesNotContain(demo.users.password(DemoUsers.VIEWER));
        // The plain line needs no user: the demo lets anonymous clients read on loopback.
        MosquittoClients.Result read = MosquittoClients.run(List.of(
                "mosquitto_sub",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(ports[1]),
                "-t",
                "onair/person/demo/presence",
                "-C",
                "1",
                "-W",
                "15"));
        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.output()).contains("\"status\":\"do_not_disturb\"");
        int code = Cli.run(
                new OnAirMain(), new String[] {"set", "away", "--for", "1m", "--config", config.toString()}, Map.of());
        assertThat(code).isZero();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(summary(ports[3], "demo")).isEqualTo("away #FFFF00 override"));

        // The users list is private and names every role.
        Path list = tmp.resolve("demo").resolve("demo-users.txt");
        assertThat(Files.getPosixFilePermissions(list))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.readAllLines(list).stream().filter(l -> !l.startsWith("#")))
                .extracting(l -> l.split(" ")[0] + " " + l.split(" ")[1])
                .containsExactly(
                        "demo publisher",
                        "main display",
                        "bridge bridge",
                        "viewer viewer",
                        "homeassistant homeassistant");
        String ca = Files.readString(tmp.resolve("demo").resolve("certs").resolve("ca.crt"));
        String password = demo.users.password(DemoUsers.VIEWER);

        // A second run reuses the folder: same CA, same users, same Teams log. The override lived in the publisher
        // that stopped, so the light goes back to what the Teams log says.
        lifecycle.stop();
        DemoCommand.Demo again = demoCommand(ports).prepare();
        assertThat(Files.readString(tmp.resolve("demo").resolve("certs").resolve("ca.crt")))
                .isEqualTo(ca);
        assertThat(again.users.password(DemoUsers.VIEWER)).isEqualTo(password);
        assertThat(again.log).isEqualTo(demo.log);
        lifecycle = cleanup.add(new Lifecycle(), Lifecycle::stop);
        again.start(lifecycle);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(summary(ports[3], "demo")).isEqualTo("do_not_disturb #800080 teams-log"));
    }

    private DemoCommand demoCommand(int[] ports) {
        DemoCommand command = new DemoCommand();
        command.dir = tmp.resolve("demo");
        Cli.commandLine(command)
                .parseArgs(
                        "--tls-port",
                        "" + ports[0],
                        "--port",
                        "" + ports[1],
                        "--ws-port",
                        "" + ports[2],
                        "--dir",
                        command.dir.toString());
        command.httpPort = ports[3];
        return command;
    }

    /** "status colour source" of a person on the dashboard. */
    private static String summary(int port, String id) throws Exception {
        JsonNode p = person(port, id);
        return p.path("status").asText() + " " + p.path("color").asText() + " "
                + p.path("source").asText();
    }

    private static JsonNode person(int port, String id) throws Exception {
        for (JsonNode p : get(port, "/api/people")) {
            if (p.path("person").asText().equals(id)) {
                return p;
            }
        }
        return json.createObjectNode();
    }

    private static List<Integer> centrePixel(int port) throws Exception {
        JsonNode frame = get(port, "/api/display/frame");
        int width = frame.path("width").asInt();
        int height = frame.path("height").asInt();
        JsonNode px = frame.path("pixels").get((height / 2) * width + width / 2);
        return List.of(px.get(0).asInt(), px.get(1).asInt(), px.get(2).asInt());
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
