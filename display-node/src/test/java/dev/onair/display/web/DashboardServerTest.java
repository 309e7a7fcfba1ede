package dev.onair.display.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.display.WebSettings;
import dev.onair.display.panel.Frame;
import dev.onair.display.panel.PanelHealth;
import dev.onair.display.scene.PersonView;
import dev.onair.protocol.Availability;
import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP API of CONTRACT.md section 9 on a real Javalin server bound to a free loopback port. */
class DashboardServerTest {
    private final StubModel model = new StubModel();
    private final HttpClient http = HttpClient.newHttpClient();
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private String start(String apiKey) {
        server = new DashboardServer(new WebSettings("127.0.0.1", 0, apiKey), model, new EventHub());
        server.start();
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void frame_isWidthHeightAndRowMajorPixels() throws Exception {
        String base = start(null);
        model.frame = Frame.of(2, 2, new int[] {0xFF0000, 0x00FF00, 0x0000FF, 0x010203});

        HttpResponse<String> r = get(base + "/api/display/frame");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body())
                .isEqualTo("{\"width\":2,\"height\":2,\"brightness\":255,"
                        + "\"pixels\":[[255,0,0],[0,255,0],[0,0,255],[1,2,3]],\"regions\":[]}");
    }

    /** Issue 15: installable on a phone; each file with the type a browser insists on, allowed by the policy. */
    @Test
    void manifestAndIcons_areServedWithTheirTypes_andThePolicyAllowsTheManifest() throws Exception {
        String base = start(null);
        for (String[] f : new String[][] {
            {"/manifest.webmanifest", "application/manifest+json"},
            {"/favicon.svg", "image/svg+xml"},
            {"/icon-192.png", "image/png"},
            {"/icon-512.png", "image/png"}
        }) {
            HttpResponse<String> r = get(base + f[0]);
            assertThat(r.statusCode()).as(f[0]).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .as(f[0])
                    .hasValueSatisfying(v -> assertThat(v).startsWith(f[1]));
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("manifest-src 'self'"));
        }
        var manifest = dev.onair.protocol.json.StrictJson.MAPPER.readTree(
                get(base + "/manifest.webmanifest").body());
        assertThat(manifest.get("start_url").asText()).isEqualTo("/");
        assertThat(manifest.get("display").asText()).isEqualTo("standalone");
        assertThat(manifest.get("icons").findValuesAsText("sizes")).contains("192x192", "512x512");
    }

    /** Issue 15: the legend's source, who has which columns. */
    @Test
    void frame_namesWhoHasWhichPartOfThePanel() throws Exception {
        String base = start(null);
        model.regions = List.of(
                new dev.onair.display.scene.Region("alice", 0, 0, 1, 2),
                new dev.onair.display.scene.Region("bob", 1, 0, 1, 2));

        assertThat(get(base + "/api/display/frame").body())
                .endsWith(",\"regions\":[{\"person\":\"alice\",\"x\":0,\"y\":0,\"width\":1,\"height\":2},"
                        + "{\"person\":\"bob\",\"x\":1,\"y\":0,\"width\":1,\"height\":2}]}");
    }

    @Test
    void frame_saysTheBrightnessTheLedsRunAt_theOriginalUnicornHatsCapIncluded() throws Exception {
        String base = start(null);
        model.brightness = 128;

        HttpResponse<String> r = get(base + "/api/display/frame");

        assertThat(r.body()).startsWith("{\"width\":2,\"height\":2,\"brightness\":128,\"pixels\":[");
    }

    @Test
    void people_listsPresenceWithAvailabilityAndColour() throws Exception {
        String base = start(null);
        Presence p = new Presence(
                "alice",
                Status.BUSY,
                Activity.IN_A_CALL,
                Instant.parse("2026-11-22T09:00:00Z"),
                "teams-log",
                true,
                true,
                null);
        model.people = List.of(
                new PersonView("alice", p, Availability.ONLINE), new PersonView("bob", null, Availability.OFFLINE));

        HttpResponse<String> r = get(base + "/api/people");

        assertThat(r.body())
                .isEqualTo("[{\"v\":1,\"person\":\"alice\",\"status\":\"busy\",\"activity\":\"in_a_call\","
                        + "\"since\":\"2026-11-22T09:00:00Z\",\"source\":\"teams-log\",\"teams_running\":true,"
                        + "\"in_call\":true,\"override_until\":null,\"unread\":null,\"camera\":null,\"mic\":null,"
                        + "\"availability\":\"online\",\"color\":\"#010203\"},"
                        + "{\"person\":\"bob\",\"availability\":\"offline\",\"color\":\"#010203\"}]");
    }

    @Test
    void healthz_is200WhileConnected_and503Otherwise() throws Exception {
        String base = start(null);

        HttpResponse<String> up = get(base + "/healthz");
        model.connected = false;
        HttpResponse<String> down = get(base + "/healthz");

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"status\":\"ok\",\"panel\":{\"status\":\"ok\"}}");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"disconnected\",\"panel\":{\"status\":\"ok\"}}");
    }

    @Test
    void healthz_is503WithTheFailureWhileThePanelFails() throws Exception {
        String base = start(null);
        PanelHealth health = new PanelHealth();
        health.failed(new java.io.IOException("SPI 0.0: wrote 0 of 769 bytes"), Instant.parse("2026-12-01T22:00:00Z"));
        health.failed(new java.io.IOException("SPI 0.0: wrote 0 of 769 bytes"), Instant.parse("2026-12-01T22:00:01Z"));
        model.panel = health.status();

        HttpResponse<String> r = get(base + "/healthz");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body())
                .isEqualTo("{\"status\":\"panel_failing\",\"panel\":{\"status\":\"failing\","
                        + "\"since\":\"2026-12-01T22:00:00Z\",\"failed_frames\":2,"
                        + "\"error\":\"java.io.IOException: SPI 0.0: wrote 0 of 769 bytes\"}}");
    }

    @Test
    void page_isServedAtRoot() throws Exception {
        String base = start(null);

        HttpResponse<String> r = get(base + "/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<title>OnAir</title>").contains("/app.js");
        assertThat(get(base + "/app.js").statusCode()).isEqualTo(200);
    }

    @Test
    void lightCommand_withoutKeyConfigured_isAcceptedFromLoopback() throws Exception {
        String base = start(null);

        HttpResponse<String> r = post(base + "/api/display", "{\"brightness\":7}", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"brightness\":7");
        assertThat(model.light.brightness()).isEqualTo(7);
    }

    @Test
    void controls_withKeyConfigured_needTheRightKey() throws Exception {
        String base = start("correct-horse");

        HttpResponse<String> none = post(base + "/api/display", "{\"brightness\":9}", null);
        HttpResponse<String> wrong = post(base + "/api/display", "{\"brightness\":9}", "wrong-horse!");
        HttpResponse<String> right =
                post(base + "/api/people/alice/override", "{\"status\":\"busy\"}", "correct-horse");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(model.commands).isEmpty();
        assertThat(right.statusCode()).isEqualTo(202);
        assertThat(model.overrides).containsEntry("alice", OverrideCommand.of(Status.BUSY, null));
    }

    @Test
    void controls_mustBeJson_soAPlainFormPostElsewhereCannotSendOne() throws Exception {
        String base = start(null);

        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/display"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"OFF\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(model.commands).isEmpty();
    }

    @Test
    void badCommand_is400_andChangesNothing() throws Exception {
        String base = start(null);

        HttpResponse<String> r = post(base + "/api/display", "{\"brightness\":999}", null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("brightness");
        assertThat(model.commands).isEmpty();
    }
}
