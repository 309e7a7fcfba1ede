package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parse_acceptsWhatPeopleType() {
        assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("pt30m")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void parse_rejectsNonsenseAndZero() {
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("30m");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("0m")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Durations.parse("PT-5M")).hasMessageContaining("longer than zero");
    }
}
