package dev.onair.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.presence.Status;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: each person's minutes in calls and busy today, on the retained topic Home Assistant's duration sensors
 * read, kept across a bridge restart mid-day and back to 0 at local midnight.
 */
class TodayIT extends BridgeFixture {
    private static final String TODAY = "onair/bridge/pi/today/alice";
    private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

    /** 09:00 in Zurich, 08:00 UTC. */
    private final TestClock clock = new TestClock(Instant.parse("2026-12-02T08:00:00Z"), ZONE);

    private int unread;

    @Test
    void bridgeRestartedMidDay_keepsTodaysTotals_andMidnightStartsAgainAtZero() throws Exception {
        alice.publish("onair/person/alice/availability", "online", 1, true);
        inCall();
        ha.subscribe(TODAY);
        BridgeNode first = start(Fixtures.fast(broker.settings("bridge")), clock);
        await().until(first::isInStep);
        await().until(() -> today(0, 0));

        clock.advance(Duration.ofMinutes(42));
        inCall(); // any change brings the totals up to date (between changes, a tick does every 15 s)
        await().until(() -> today(42, 42));
        first.stop();

        clock.advance(Duration.ofMinutes(10)); // nobody counts while no bridge runs
        BridgeNode second = start(Fixtures.fast(broker.settings("bridge")), clock);
        await().until(second::isInStep);
        clock.advance(Duration.ofMinutes(5));
        inCall();
        await().until(() -> today(47, 47));
        // Retained, so Home Assistant (re)connecting later gets today's totals at once.
        try (TestClient late = client("ha", "ha-late")) {
            late.subscribe(TODAY);
            await().until(() -> !late.received(TODAY).isEmpty());
            assertThat(late.received(TODAY).get(0).retain()).isTrue();
            assertThat(json(late.received(TODAY).get(0)).get("calls_min").asLong())
                    .isEqualTo(47);
        }
        assertThat(ha.received(TODAY)).noneMatch(r -> {
            JsonNode t = json(r);
            // A restart that forgot the morning would have published a small number after 42.
            return t.get("calls_min").asLong() < 42 && t.get("calls_min").asLong() > 0;
        });

        // Busy but out of the call for 20 minutes: only busy grows. The clock moves only once the bridge has taken
        // the change (seen in its totals: one more minute of the call before it), so when the bridge's thread gets
        // to the message does not decide which state the 20 minutes count for.
        clock.advance(Duration.ofMinutes(1));
        alice.publish("onair/person/alice/presence", presence(Status.BUSY, Activity.BUSY, false), 1, true);
        await().until(() -> today(48, 48));
        clock.advance(Duration.ofMinutes(20));
        inCall();
        await().until(() -> today(48, 68));

        // 23:55 local: still today; 00:05 local the next day: ten minutes, five of them after midnight.
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-02T22:55:00Z")));
        inCall();
        await().until(() -> latest().get("date").asText().equals("2026-12-02"));
        clock.advance(Duration.ofMinutes(10));
        inCall();
        await().until(() -> latest().get("date").asText().equals("2026-12-03") && today(5, 5));
    }

    @Test
    void personOffline_countsNothing() {
        alice.publish("onair/person/alice/availability", "offline", 1, true);
        inCall();
        ha.subscribe(TODAY);
        BridgeNode bridge = start(Fixtures.fast(broker.settings("bridge")), clock);
        await().until(bridge::isInStep);
        await().until(() -> today(0, 0));
        clock.advance(Duration.ofMinutes(30));
        inCall();
        alice.publish("onair/person/alice/availability", "online", 1, true);
        // However late the bridge's thread takes "online", the 30 offline minutes before it count for nothing; from
        // then on each minute counts. A minute a second for at most 20 s: a total of 30 or more would mean the
        // offline half hour was counted.
        AtomicLong minutes = new AtomicLong();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    clock.advance(Duration.ofMinutes(1));
                    minutes.incrementAndGet();
                    inCall();
                    JsonNode t = latest();
                    return t != null && t.get("calls_min").asLong() > 0;
                });
        await().until(() ->
                latest().get("calls_min").asLong() == latest().get("busy_min").asLong());
        assertThat(latest().get("calls_min").asLong()).isBetween(1L, minutes.get());
    }

    /** Alice busy in a call; the unread count changes each time, so every publish is a change. */
    private void inCall() {
        alice.publish("onair/person/alice/presence", presence(Status.BUSY, Activity.IN_A_CALL, true), 1, true);
    }

    private String presence(Status status, Activity activity, boolean inCall) {
        Presence p = new Presence(
                "alice",
                status,
                activity,
                Instant.parse("2026-12-02T07:00:00Z"),
                "teams-log",
                true,
                inCall,
                null,
                unread++,
                null,
                null,
                null);
        return new String(PresenceCodec.encode(p), StandardCharsets.UTF_8);
    }

    private boolean today(long calls, long busy) {
        JsonNode t = latest();
        return t != null
                && t.get("calls_min").asLong() == calls
                && t.get("busy_min").asLong() == busy;
    }

    private JsonNode latest() {
        List<Received> r = ha.received(TODAY);
        return r.isEmpty() ? null : json(r.get(r.size() - 1));
    }

    private static JsonNode json(Received r) {
        try {
            return MAPPER.readTree(r.payload());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
