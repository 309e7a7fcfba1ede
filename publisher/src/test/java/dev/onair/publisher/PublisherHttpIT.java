package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import dev.onair.publisher.PublisherConfig.Source;
import dev.onair.publisher.PublisherConfig.TeamsSettings;
import dev.onair.publisher.http.HttpSettings;
import dev.onair.publisher.http.PullSource.PollSettings;
import dev.onair.publisher.teams.TeamsClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The PowerShell-era HTTP modes, end to end: HTTP in, retained presence out of the real broker. */
class PublisherHttpIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    private static final String KEY = "k3y-for-tests";
    private static final String BUSY = "{\"availability\":\"Busy\",\"activity\":\"Busy\",\"color\":\"#FF0000\","
            + "\"timestamp\":\"2026-11-22T10:00:00.1234567+01:00\"}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<PublisherNode> nodes = new ArrayList<>();
    private HttpServer endpoint;

    @BeforeAll
    static void users() {
        for (String person : List.of("bob", "carol", "erin", "frank")) {
            broker.addUser(person, Role.PUBLISHER);
        }
        broker.addUser("viewer", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        nodes.forEach(PublisherNode::stop);
        if (endpoint != null) {
            endpoint.stop(0);
        }
    }

    @Test
    void pushIngress_publishesGoodPushes_andRefusesEveryBadOne() throws Exception {
        PublisherNode carol = start(new PublisherConfig(
                "carol",
                broker.settings("carol"),
                Topics.DEFAULT_PREFIX,
                Source.HTTP_PUSH,
                null,
                null,
                new HttpSettings("127.0.0.1", 0, true, KEY),
                null));

        try (MosquittoClients.Subscriber sub =
                MosquittoClients.subscribe(broker, "viewer", "onair/person/carol/presence")) {
            await().until(() -> !Wire.presences(sub, "carol").isEmpty());

            assertThat(push(carol, BUSY, null, null)).startsWith("401 ");
            assertThat(push(carol, BUSY, "X-API-Key", "wrong")).startsWith("401 ");
            assertThat(push(carol, BUSY, "Authorization", "Bearer wrong")).startsWith("401 ");
            assertThat(push(carol, "Busy", "X-API-Key", KEY)).startsWith("400").contains("not JSON");
            assertThat(push(carol, "[]", "X-API-Key", KEY)).startsWith("400").contains("not an object");
            assertThat(push(carol, "{\"activity\":\"Busy\"}", "X-API-Key", KEY))
                    .startsWith("400")
                    .contains("'availability' is missing");
            assertThat(push(carol, "{\"availability\":7}", "X-API-Key", KEY))
                    .startsWith("400")
                    .contains("must be a string");
            assertThat(push(carol, "{\"availability\":\"Sleepy\"}", "X-API-Key", KEY))
                    .startsWith("400")
                    .contains("Sleepy");
            assertThat(push(carol, "{\"availability\":\"Busy\",\"activity\":\"Juggling\"}", "X-API-Key", KEY))
                    .startsWith("400")
                    .contains("Juggling");

            assertThat(push(carol, BUSY, "Authorization", "Bearer " + KEY)).startsWith("200");

            await().until(() -> Wire.presences(sub, "carol").stream().anyMatch(p -> p.status() == Status.BUSY));
            List<Presence> seen = Wire.presences(sub, "carol");
            // Nothing was published for the refused pushes: only the start-up state, then Busy.
            assertThat(seen).extracting(Presence::status).containsExactly(Status.UNKNOWN, Status.BUSY);
            assertThat(seen.get(1).source()).isEqualTo("http-push");
            assertThat(seen.get(1).activity()).isEqualTo(Activity.BUSY);
            assertThat(seen.get(0).source()).isEqualTo("http-push");
        }
        assertThat(get(carol, "/status")).contains("\"availability\":\"Busy\"");
    }

    @Test
    void pull_followsTheEndpoint_andIsOfflineWhenItFailsForTheGracePeriod() throws Exception {
        AtomicReference<String> body =
                new AtomicReference<>("{\"availability\":\"DoNotDisturb\",\"activity\":\"Presenting\"}");
        AtomicInteger code = new AtomicInteger(200);
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/status", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        endpoint.start();
        URI url = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/status");
        startPulling("bob", url, Duration.ofMillis(300), Duration.ofSeconds(2));

        Presence dnd = Wire.awaitPresence(broker, "bob", p -> p.status() == Status.DO_NOT_DISTURB);
        assertThat(dnd.activity()).isEqualTo(Activity.PRESENTING);
        assertThat(dnd.source()).isEqualTo("http-pull");
        assertThat(dnd.inCall()).isTrue();

        body.set("<html>not a status</html>");
        Wire.awaitPresence(
                broker, "bob", p -> p.status() == Status.OFFLINE && p.source().equals("http-pull"));

        body.set("{\"availability\":\"Available\"}");
        Wire.awaitPresence(broker, "bob", p -> p.status() == Status.AVAILABLE);

        code.set(500);
        Wire.awaitPresence(broker, "bob", p -> p.status() == Status.OFFLINE);

        code.set(200);
        Wire.awaitPresence(broker, "bob", p -> p.status() == Status.AVAILABLE);

        endpoint.stop(0);
        endpoint = null;
        Wire.awaitPresence(broker, "bob", p -> p.status() == Status.OFFLINE);
    }

    @Test
    void pull_fromAnotherPublishersStatusServer() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(
                logs.resolve("MSTeams_2026-07-26_11-00-00.00.log"),
                "x <INFO> UserPresenceAction: {cloud_context: https://teams.microsoft.com, availability: BeRightBack}\n");
        PublisherNode frank = start(new PublisherConfig(
                "frank",
                broker.settings("frank"),
                Topics.DEFAULT_PREFIX,
                Source.TEAMS_LOG,
                new TeamsSettings(TeamsClient.NEW, logs, false, Duration.ofSeconds(2)),
                null,
                new HttpSettings("127.0.0.1", 0, false, null),
                null));
        assertThat(get(frank, "/health")).contains("\"status\":\"ok\"");

        URI url = URI.create("http://127.0.0.1:" + frank.httpPort() + "/status");
        startPulling("erin", url, Duration.ofMillis(500), Duration.ofSeconds(30));

        Presence erin = Wire.awaitPresence(broker, "erin", p -> p.status() == Status.BE_RIGHT_BACK);
        assertThat(erin.source()).isEqualTo("http-pull");
        assertThat(erin.activity()).isEqualTo(Activity.BE_RIGHT_BACK);
    }

    /** Starts {@code person}'s publisher pulling {@code url} every {@code interval}. */
    private PublisherNode startPulling(String person, URI url, Duration interval, Duration timeout) throws Exception {
        return start(new PublisherConfig(
                person,
                broker.settings(person),
                Topics.DEFAULT_PREFIX,
                Source.HTTP_PULL,
                null,
                new PollSettings(url, interval, timeout),
                null,
                null));
    }

    private PublisherNode start(PublisherConfig config) throws Exception {
        PublisherNode node = new PublisherNode(config);
        nodes.add(node);
        node.start();
        return node;
    }

    /** POSTs a status; returns "code body". */
    private String push(PublisherNode node, String body, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/status"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            b.header(header, value);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private String get(PublisherNode node, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
