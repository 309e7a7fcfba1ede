package dev.onair.bridge.today;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Availability;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import dev.onair.testsupport.RecordingMqtt;
import dev.onair.testsupport.RecordingMqtt.Sent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link Today} puts on the wire: retained totals at QoS 1, only on a new minute, cleared when a person goes. */
class TodayTest {
    private static final String TOPIC = "onair/bridge/pi/today/alice";
    private static final Instant NINE = Instant.parse("2026-12-02T09:00:00Z");

    private final RecordingMqtt mqtt = new RecordingMqtt();

    @Test
    void earlierTotalsOfToday_areAddedIn_andBrokenOnesIgnored() {
        mqtt.connect();
        Today today = new Today(Topics.defaults(), "pi", mqtt, Clock.fixed(NINE, ZoneOffset.UTC));
        today.learn(
                TOPIC,
                "{\"date\":\"2026-12-02\",\"calls_min\":2,\"busy_min\":3,\"calls_s\":150,\"busy_s\":200}"
                        .getBytes(StandardCharsets.UTF_8));
        today.learn("onair/bridge/pi/today/bob", "{not json".getBytes(StandardCharsets.UTF_8));
        today.learn("onair/bridge/pi/today/Carol", "{}".getBytes(StandardCharsets.UTF_8));
        today.presence("alice", busy());
        assertThat(mqtt.sent()).isEmpty(); // nothing before start-up is over

        today.ready();

        assertThat(mqtt.sent())
                .containsExactly(new Sent(
                        TOPIC,
                        "{\"date\":\"2026-12-02\",\"calls_min\":2,\"busy_min\":3,\"calls_s\":150,\"busy_s\":200}",
                        true,
                        1));
    }

    @Test
    void sameMinute_publishesNothingNew_andAPersonWhoLeft_isCleared() {
        Instant[] now = {NINE};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        mqtt.connect();
        Today today = new Today(Topics.defaults(), "pi", mqtt, clock);
        today.availability("bob", Availability.ONLINE); // availability alone is nobody to show
        today.presence("alice", busy());
        today.ready();
        now[0] = NINE.plusSeconds(59);
        today.tick();
        now[0] = NINE.plusSeconds(61);
        today.tick();
        today.keepOnly(Set.of("bob"));

        assertThat(mqtt.sent())
                .extracting(Sent::payload)
                .containsExactly(
                        "{\"date\":\"2026-12-02\",\"calls_min\":0,\"busy_min\":0,\"calls_s\":0,\"busy_s\":0}",
                        "{\"date\":\"2026-12-02\",\"calls_min\":1,\"busy_min\":1,\"calls_s\":61,\"busy_s\":61}",
                        "");
        assertThat(mqtt.sent()).allMatch(s -> s.topic().equals(TOPIC) && s.retain() && s.qos() == 1);
    }

    private static Presence busy() {
        return new Presence("alice", Status.BUSY, Activity.IN_A_CALL, NINE, "teams-log", true, true, null);
    }
}
