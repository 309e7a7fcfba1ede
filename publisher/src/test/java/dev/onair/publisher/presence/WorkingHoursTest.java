package dev.onair.publisher.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void parse_severalRules_coversTheirDaysAndHoursInTheZone() {
        WorkingHours hours = WorkingHours.parse("Mon-Thu 08:00-17:00, Fri 08:00-12:00", BERLIN);

        assertThat(hours.isWorking(Instant.parse("2026-11-23T07:00:00Z"))).isTrue(); // Monday 08:00 Berlin
        assertThat(hours.isWorking(Instant.parse("2026-11-23T06:59:59Z"))).isFalse();
        assertThat(hours.isWorking(Instant.parse("2026-11-27T11:30:00Z"))).isFalse(); // Friday 12:30 Berlin
        assertThat(hours.isWorking(Instant.parse("2026-11-28T10:00:00Z"))).isFalse(); // Saturday
    }

    @Test
    void nextChange_isTheNextBoundaryThatFlipsIt() {
        WorkingHours hours = WorkingHours.parse("Mon-Fri 08:00-12:00,Mon-Fri 12:00-17:00", BERLIN);

        assertThat(hours.nextChange(Instant.parse("2026-11-23T09:00:00Z"))) // Monday 10:00
                .contains(Instant.parse("2026-11-23T16:00:00Z")); // 17:00, not the 12:00 seam
        assertThat(hours.nextChange(Instant.parse("2026-11-27T20:00:00Z"))) // Friday night
                .contains(Instant.parse("2026-11-30T07:00:00Z")); // Monday 08:00
    }

    @Test
    void parse_badRules_sayWhatIsWrong() {
        assertThatThrownBy(() -> WorkingHours.parse("Mon-Fri", BERLIN)).hasMessageContaining("Mon-Fri 08:00-17:00");
        assertThatThrownBy(() -> WorkingHours.parse("Moon 08:00-17:00", BERLIN))
                .hasMessageContaining("'moon' is not a day");
        assertThatThrownBy(() -> WorkingHours.parse("Mon 17:00-08:00", BERLIN)).hasMessageContaining("must end after");
        assertThatThrownBy(() -> WorkingHours.parse("Mon 8-17", BERLIN)).hasMessageContaining("time range");
        assertThatThrownBy(() -> WorkingHours.parse(" , ", BERLIN)).hasMessageContaining("at least one rule");
    }
}
