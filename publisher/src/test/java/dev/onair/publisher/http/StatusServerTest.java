package dev.onair.publisher.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.presence.Detection;
import dev.onair.testsupport.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoints on a real server (port 0), without a broker; the IT covers the path to MQTT. */
class StatusServerTest {
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final String BODY = "{\"availability\":\"Busy\",\"activity\":\"Busy\",\"color\":\"#FF0000\","
            + "\"timestamp\":\"2026-11-22T09:00:00Z\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Detection> pushed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean connected = new AtomicBoolean(true);
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

    @Test
    void health_saysWhenTheBrokerIsLost_with503() throws Exception {
        start(new HttpSettings("127.0.0.1", 0, true, null), null);
        connected.set(false);

        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"disconnected\",\"broker\":\"disconnected\"}");
    }

    /** A page on another site posting a text/plain form whose body is JSON: the classic CSRF on a JSON endpoint. */
    @Test
    void push_formPostFromAnotherOrigin_changesNothing() {
        start(new HttpSettings("127.0.0.1", 0, true, null), null);
        String host = "127.0.0.1:" + server.port();

        RawHttp.Answer textPlain =
                postStatus(Map.of("Host", host, "Origin", "http://evil.example", "Content-Type", "text/plain"));
        RawHttp.Answer urlEncoded =
                postStatus(Map.of("Host", host, "Content-Type", "application/x-www-form-urlencoded"));
        RawHttp.Answer noType = postStatus(Map.of("Host", host));
        RawHttp.Answer jsonFromElsewhere =
                postStatus(Map.of("Host", host, "Origin", "http://evil.example", "Content-Type", "application/json"));
        RawHttp.Answer opaqueOrigin =
                postStatus(Map.of("Host", host, "Origin", "null", "Content-Type", "application/json"));

        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(textPlain.body()).contains("application/json");
        assertThat(urlEncoded.status()).isEqualTo(415);
        assertThat(noType.status()).isEqualTo(415);
        assertThat(jsonFromElsewhere.status()).isEqualTo(403);
        assertThat(jsonFromElsewhere.body()).contains("Origin");
        assertThat(opaqueOrigin.status()).isEqualTo(403);
        assertThat(pushed).isEmpty();
    }

    /** DNS rebinding: evil.example resolves to 127.0.0.1, so the page is "same origin", but Host gives it away. */
    @Test
    void push_onLoopback_withAForeignHost_changesNothing() {
        start(new HttpSettings("127.0.0.1", 0, true, null), null);

        RawHttp.Answer rebound = postStatus(Map.of(
                "Host",
                "evil.example:" + server.port(),
                "Origin",
                "http://evil.example:" + server.port(),
                "Content-Type",
                "application/json"));

        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.body()).contains("Host");
        assertThat(pushed).isEmpty();
    }

    @Test
    void push_sameOriginOrNoOrigin_withJsonAndCharset_isTaken() {
        start(new HttpSettings("127.0.0.1", 0, true, null), null);
        String host = "localhost:" + server.port();

        RawHttp.Answer script = RawHttp.send(
                server.port(),
                "POST",
                "/status",
                Map.of("Host", host, "Content-Type", "application/json; charset=utf-8"),
                BODY);
        RawHttp.Answer samePage =
                postStatus(Map.of("Host", host, "Origin", "http://" + host, "Content-Type", "application/json"));

        assertThat(script.status()).isEqualTo(200);
        assertThat(samePage.status()).isEqualTo(200);
        assertThat(pushed).hasSize(2);
    }

    /** Bound to every interface the API key guards the push; the PC's own name or address is the Host then. */
    @Test
    void push_withKey_onEveryInterface_takesAnyHost_butStillNoForeignOrigin() {
        start(new HttpSettings("0.0.0.0", 0, true, "s3cret"), null);

        RawHttp.Answer byName = postStatus(
                Map.of("Host", "work-pc.lan:8080", "Content-Type", "application/json", "X-API-Key", "s3cret"));
        RawHttp.Answer foreign = postStatus(Map.of(
                "Host",
                "work-pc.lan:8080",
                "Origin",
                "http://evil.example",
                "Content-Type",
                "application/json",
                "X-API-Key",
                "s3cret"));

        assertThat(byName.status()).isEqualTo(200);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(pushed).hasSize(1);
    }

    private void start(HttpSettings settings, Presence current) {
        server = new StatusServer(
                settings,
                () -> current,
                connected::get,
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

    /** POSTs the test's status body to {@code /status} with these headers. */
    private RawHttp.Answer postStatus(Map<String, String> headers) {
        return RawHttp.send(server.port(), "POST", "/status", headers, BODY);
    }
}
