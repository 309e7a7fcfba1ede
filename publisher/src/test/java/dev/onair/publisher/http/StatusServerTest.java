package dev.onair.publisher.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.presence.Detection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoints on a real server (port 0), without a broker; the IT covers the path to MQTT. */
class StatusServerTest {
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final String BODY = "{\"availability\":\"Busy\",\"activity\":\"Busy\",\"color\":\"#FF0000\","
            + "\"timestamp\":\"2026-11-22T09:00:00Z\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Detection> pushed = new CopyOnWriteArrayList<>();
    private StatusServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void getStatus_andHealth_answerJson() throws Exception {
        Presence p =
                new Presence("alice", Status.DO_NOT_DISTURB, Activity.PRESENTING, NOW, "teams-log", true, true, null);
        start(new HttpSettings("127.0.0.1", 0, false, null), p);

        HttpResponse<String> status = get("/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(status.body()).startsWith("{\"availability\":\"DoNotDisturb\",\"activity\":\"Presenting\"");

        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"broker\":\"connected\"}");

        assertThat(post("/status", BODY, null, null).statusCode()).isIn(404, 405);
        assertThat(pushed).isEmpty();
    }

    @Test
    void push_withKey_bearerOrHeader_isTaken() throws Exception {
        start(new HttpSettings("127.0.0.1", 0, true, "s3cret"), null);

        HttpResponse<String> bearer = post("/status", BODY, "Authorization", "Bearer s3cret");
        HttpResponse<String> header = post("/status", BODY, "X-API-Key", "s3cret");

        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(header.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).contains("\"status\":\"busy\"", "\"source\":\"http-push\"");
        assertThat(pushed)
                .hasSize(2)
                .allMatch(d -> d.status() == Status.BUSY && d.source().equals("http-push"));
    }

    @Test
    void push_missingOrWrongKey_is401_andNothingIsTaken() throws Exception {
        start(new HttpSettings("127.0.0.1", 0, true, "s3cret"), null);

        assertThat(post("/status", BODY, null, null).statusCode()).isEqualTo(401);
        assertThat(post("/status", BODY, "X-API-Key", "guess").statusCode()).isEqualTo(401);
        HttpResponse<String> wrongBearer = post("/status", BODY, "Authorization", "Bearer guess");
        assertThat(wrongBearer.statusCode()).isEqualTo(401);
        assertThat(wrongBearer.body()).contains("API key");
        assertThat(pushed).isEmpty();
    }

    @Test
    void push_badJson_is400WithTheReason_andNothingIsTaken() throws Exception {
        start(new HttpSettings("127.0.0.1", 0, true, "s3cret"), null);

        HttpResponse<String> notJson = post("/status", "availability=Busy", "X-API-Key", "s3cret");
        HttpResponse<String> unknown = post("/status", "{\"availability\":\"Sleepy\"}", "X-API-Key", "s3cret");
        HttpResponse<String> missing = post("/status", "{\"activity\":\"Busy\"}", "X-API-Key", "s3cret");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("'Sleepy' is not a Teams availability");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("'availability' is missing");
        assertThat(pushed).isEmpty();
    }

    @Test
    void push_onLoopbackWithoutKey_needsNone() throws Exception {
        start(new HttpSettings("127.0.0.1", 0, true, null), null);

        assertThat(post("/status", BODY, null, null).statusCode()).isEqualTo(200);
        assertThat(pushed).hasSize(1);
    }

    @Test
    void pushIngress_onEveryInterfaceWithoutKey_isAConfigurationError() {
        assertThatThrownBy(() -> new HttpSettings("0.0.0.0", 8080, true, null))
                .hasMessageContaining("needs an API key");
        assertThat(new HttpSettings("0.0.0.0", 8080, true, "k").toString())
                .doesNotContain("k]")
                .contains("***");
    }

    private void start(HttpSettings settings, Presence current) {
        server = new StatusServer(
                settings,
                () -> current,
                () -> true,
                settings.pushIngress()
                        ? d -> {
                            pushed.add(d);
                            return new Presence(
                                    "alice", d.status(), d.activity(), NOW, d.source(), null, d.inCall(), null);
                        }
                        : null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        server.start();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            b.header(header, value);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
