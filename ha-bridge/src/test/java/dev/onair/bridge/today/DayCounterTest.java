package dev.onair.bridge.today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.Availability;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DayCounterTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Instant NINE = Instant.parse("2026-12-02T14:00:00Z"); // 09:00 in New York

    @Test
    void callsAndBusy_countTheirOwnStretches() {
        DayCounter c = new DayCounter(ZONE, NINE);
        c.presence(presence(Status.BUSY, Activity.IN_A_CALL, true), NINE);
        c.presence(presence(Status.BUSY, Activity.BUSY, false), NINE.plusSeconds(600));
        c.presence(presence(Status.AVAILABLE, Activity.AVAILABLE, false), NINE.plusSeconds(900));
        c.presence(presence(Status.DO_NOT_DISTURB, Activity.PRESENTING, null), NINE.plusSeconds(1200));

        assertThat(c.totals(NINE.plusSeconds(1500)))
                .isEqualTo(new Totals(LocalDate.parse("2026-12-02"), 600 + 300, 900 + 300));
    }

    @Test
    void offline_countsNothing_andUnknownInCall_followsTheActivity() {
        DayCounter c = new DayCounter(ZONE, NINE);
        c.presence(presence(Status.BUSY, Activity.IN_A_MEETING, null), NINE);
        c.availability(Availability.OFFLINE, NINE.plusSeconds(60));
        c.availability(Availability.ONLINE, NINE.plusSeconds(3600));
        assertThat(c.totals(NINE.plusSeconds(3660)).callSeconds()).isEqualTo(120);
    }

    @Test
    void localMidnight_startsANewDay_andSplitsTheStretchAcrossIt() {
        Instant late = Instant.parse("2026-12-03T04:50:00Z"); // 23:50 in New York
        DayCounter c = new DayCounter(ZONE, late);
        c.presence(presence(Status.BUSY, Activity.IN_A_CALL, true), late);
        Totals before = c.totals(late.plusSeconds(300));
        Totals after = c.totals(late.plusSeconds(1200));
        assertThat(before).isEqualTo(new Totals(LocalDate.parse("2026-12-02"), 300, 300));
        assertThat(after).isEqualTo(new Totals(LocalDate.parse("2026-12-03"), 600, 600));
    }

    @Test
    void restore_addsTodaysEarlierTotals_andIgnoresAnotherDays() {
        DayCounter c = new DayCounter(ZONE, NINE);
        c.restore(new Totals(LocalDate.parse("2026-12-01"), 999, 999), NINE);
        c.restore(new Totals(LocalDate.parse("2026-12-02"), 120, 240), NINE);
        assertThat(c.totals(NINE)).isEqualTo(new Totals(LocalDate.parse("2026-12-02"), 120, 240));
        assertThat(c.seen()).isTrue();
    }

    @Test
    void totals_roundTripTheirJson_andBadPayloadsAreRefusedWithAReason() throws Exception {
        Totals t = new Totals(LocalDate.parse("2026-12-02"), 2530, 5712);
        assertThat(new String(t.toJson(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"date\":\"2026-12-02\",\"calls_min\":42,\"busy_min\":95,\"calls_s\":2530,\"busy_s\":5712}");
        assertThat(Totals.parse(t.toJson())).isEqualTo(t);
        assertThatThrownBy(() -> Totals.parse("{\"date\":\"yesterday\",\"calls_s\":1,\"busy_s\":1}".getBytes()))
                .isInstanceOf(PayloadException.class);
        assertThatThrownBy(() -> Totals.parse("{\"date\":\"2026-12-02\",\"calls_s\":1.5,\"busy_s\":1}".getBytes()))
                .hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> Totals.parse("{\"date\":\"2026-12-02\",\"calls_s\":-1,\"busy_s\":1}".getBytes()))
                .hasMessageContaining("0 to 86400");
    }

    private static Presence presence(Status status, Activity activity, Boolean inCall) {
        return new Presence("alice", status, activity, NINE, "teams-log", true, inCall, null);
    }
}
