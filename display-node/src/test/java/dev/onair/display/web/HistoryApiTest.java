package dev.onair.display.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.display.WebSettings;
import dev.onair.display.history.Change;
import dev.onair.display.history.HistoryDatabase;
import dev.onair.display.history.HistoryReader;
import dev.onair.display.history.HistoryRoutes;
import dev.onair.display.history.HistorySettings;
import dev.onair.display.history.PersonState;
import dev.onair.display.history.TestClock;
import dev.onair.display.scene.Look;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history API over real HTTP, on a real SQLite file, with the clock at 2026-12-01 16:00 in Berlin. */
class HistoryApiTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final PersonState AVAILABLE = new PersonState("available", "available", false, null, "teams-log");
    static final PersonState CALL = new PersonState("busy", "in_a_call", true, true, "teams-log");
    static final PersonState AWAY = new PersonState("away", "away", false, false, "teams-log");
    static final PersonState OFFLINE = new PersonState("offline", "offline", false, null, "availability");

    @TempDir
    Path data;

    final TestClock clock = new TestClock(Instant.parse("2026-12-01T15:00:00Z"), BERLIN);
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    DashboardServer server;

    @BeforeEach
    void start() throws Exception {
        Path file = data.resolve(HistorySettings.FILE_NAME);
        try (HistoryDatabase db = HistoryDatabase.open(file)) {
            db.record(List.of(
                    // Yesterday evening (Berlin): online until offline at 19:00 local.
                    new Change("alice", AVAILABLE, Instant.parse("2026-11-30T16:00:00Z")),
                    new Change("alice", OFFLINE, Instant.parse("2026-11-30T18:00:00Z")),
                    // Today: 08:00 local available, a call 09:00-10:30, away 12:00-12:30, a call from 14:00 on.
                    new Change("alice", AVAILABLE, Instant.parse("2026-12-01T07:00:00Z")),
                    new Change("alice", CALL, Instant.parse("2026-12-01T08:00:00Z")),
                    new Change("alice", AVAILABLE, Instant.parse("2026-12-01T09:30:00Z")),
                    new Change("alice", AWAY, Instant.parse("2026-12-01T11:00:00Z")),
                    new Change("alice", AVAILABLE, Instant.parse("2026-12-01T11:30:00Z")),
                    new Change("alice", CALL, Instant.parse("2026-12-01T13:00:00Z"))));
        }
        HistoryRoutes routes = new HistoryRoutes(
                new HistoryReader(file),
                clock,
                BERLIN,
                key -> Look.defaults().colour(key).toHex());
        server = new DashboardServer(
                new WebSettings("127.0.0.1", 0, null), new StubModel(), new EventHub(), List.of(routes));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void history_byDefault_isTodayInTheNodesZone_clipped_withTheOngoingCallOpen() throws Exception {
        JsonNode body = getJson("/api/people/alice/history");

        assertThat(body.get("from").asText()).isEqualTo("2026-11-30T23:00:00Z");
        assertThat(body.get("to").asText()).isEqualTo("2026-12-01T23:00:00Z");
        JsonNode segments = body.get("segments");
        // The offline row that began yesterday, clipped at local midnight, then today's six.
        assertThat(segments).hasSize(7);
        assertThat(segments.get(0).toString())
                .isEqualTo("{\"status\":\"offline\",\"activity\":\"offline\",\"in_call\":false,\"camera\":null,"
                        + "\"source\":\"availability\",\"color\":\"#808080\",\"from\":\"2026-11-30T23:00:00Z\","
                        + "\"to\":\"2026-12-01T07:00:00Z\"}");
        assertThat(segments.get(2).toString())
                .isEqualTo("{\"status\":\"busy\",\"activity\":\"in_a_call\",\"in_call\":true,\"camera\":true,"
                        + "\"source\":\"teams-log\",\"color\":\"#FF0000\",\"from\":\"2026-12-01T08:00:00Z\","
                        + "\"to\":\"2026-12-01T09:30:00Z\"}");
        assertThat(segments.get(6).get("from").asText()).isEqualTo("2026-12-01T13:00:00Z");
        assertThat(segments.get(6).get("to").isNull()).isTrue();
    }

    @Test
    void history_ofAPastRange_clipsTheOngoingRowToTheRange() throws Exception {
        JsonNode segments = getJson("/api/people/alice/history?from=2026-12-01T08:30:00Z&to=2026-12-01T11:15:00Z")
                .get("segments");

        assertThat(segments).hasSize(3);
        assertThat(segments.get(0).get("from").asText()).isEqualTo("2026-12-01T08:30:00Z");
        assertThat(segments.get(2).get("status").asText()).isEqualTo("away");
        assertThat(segments.get(2).get("to").asText()).isEqualTo("2026-12-01T11:15:00Z");
    }

    @Test
    void history_asCsv_hasAHeaderRow() throws Exception {
        HttpResponse<String> r =
                get("/api/people/alice/history?from=2026-12-01T12:00:00Z&to=2026-12-01T23:00:00Z", "text/csv");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.body().lines().toList())
                .containsExactly(
                        "person,status,activity,in_call,camera,source,from,to",
                        "alice,available,available,false,,teams-log,2026-12-01T12:00:00Z,2026-12-01T13:00:00Z",
                        "alice,busy,in_a_call,true,true,teams-log,2026-12-01T13:00:00Z,");
    }

    @Test
    void days_countSecondsPerStatus_callsAndFirstAndLastSeen_inLocalDays() throws Exception {
        JsonNode body = getJson("/api/people/alice/days?from=2026-11-30&to=2026-12-01");

        assertThat(body.get("zone").asText()).isEqualTo("Europe/Berlin");
        JsonNode today = body.get("days").get(1);
        assertThat(today.get("date").asText()).isEqualTo("2026-12-01");
        // 00:00-08:00 offline (8 h); available 1 h + 1.5 h + 1.5 h; away 0.5 h; calls 1.5 h + 2 h until now (16:00).
        assertThat(today.get("seconds_by_status").toString())
                .isEqualTo("{\"offline\":28800,\"available\":14400,\"busy\":12600,\"away\":1800}");
        assertThat(today.get("seconds_in_calls").asLong()).isEqualTo(12600);
        assertThat(today.get("calls").asInt()).isEqualTo(2);
        assertThat(today.get("first_seen").asText()).isEqualTo("2026-12-01T07:00:00Z");
        assertThat(today.get("last_seen").asText()).isEqualTo("2026-12-01T15:00:00Z");
        JsonNode yesterday = body.get("days").get(0);
        assertThat(yesterday.get("seconds_by_status").toString()).isEqualTo("{\"available\":7200,\"offline\":18000}");
        assertThat(yesterday.get("calls").asInt()).isZero();
    }

    @Test
    void days_byDefault_areTheLastSevenDays_andCsvHasAColumnPerStatus() throws Exception {
        assertThat(getJson("/api/people/alice/days").get("days")).hasSize(7);

        HttpResponse<String> r = get("/api/people/alice/days?from=2026-12-01&to=2026-12-01", "text/csv");
        assertThat(r.body().lines().toList())
                .containsExactly(
                        "date,seconds_available,seconds_busy,seconds_do_not_disturb,seconds_be_right_back,seconds_away,"
                                + "seconds_offline,seconds_unknown,seconds_in_calls,calls,first_seen,last_seen",
                        "2026-12-01,14400,12600,0,0,1800,28800,0,12600,2,2026-12-01T07:00:00Z,2026-12-01T15:00:00Z");
    }

    @Test
    void anUnknownPerson_getsAnEmptyResult() throws Exception {
        assertThat(getJson("/api/people/zed/history").get("segments")).isEmpty();
        JsonNode day = getJson("/api/people/zed/days?from=2026-12-01&to=2026-12-01")
                .get("days")
                .get(0);
        assertThat(day.get("seconds_by_status").size()).isZero();
        assertThat(day.get("first_seen").isNull()).isTrue();
    }

    @Test
    void badParameters_get400_namingTheParameterAndWhy() throws Exception {
        assertBad("/api/people/alice/history?from=yesterday", "from", "'yesterday' is not an ISO-8601 instant");
        assertBad(
                "/api/people/alice/history?from=2026-12-01T10:00:00Z&to=2026-12-01T09:00:00Z",
                "to",
                "must be after from");
        assertBad(
                "/api/people/alice/history?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                "to",
                "capped at 31 days");
        assertBad("/api/people/alice/days?from=2026-13-01", "from", "is not a date such as");
        assertBad("/api/people/alice/days?from=2024-01-01&to=2026-12-01", "to", "capped at 400 days");
        assertBad("/api/people/Not%20An%20Id/history", "person", "is not a valid person id");
    }

    private void assertBad(String path, String parameter, String why) throws Exception {
        HttpResponse<String> r = get(path, "application/json");
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("error").asText()).startsWith(parameter + ": ").contains(why);
    }
}
