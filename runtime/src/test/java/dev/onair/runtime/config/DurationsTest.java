package dev.onair.runtime.config;

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
    void parse_acceptsWhatEachNodeTookBefore() {
        // The bridge's milliseconds, the display's plain seconds, the publisher's combined units.
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("1s500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void parse_rejectsNonsenseAndNegative() {
        assertThatThrownBy(() -> Durations.parse("soon"))
                .hasMessageContaining("'soon'")
                .hasMessageContaining("30m");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("5ms3s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("PT-5M")).hasMessageContaining("must not be negative");
    }

    @Test
    void format_writesLargestUnitFirst_andReadsBack() {
        assertThat(Durations.format(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        for (Duration d : new Duration[] {Duration.ofMillis(500), Duration.ofHours(49), Duration.ofSeconds(3661)}) {
            assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
        }
    }

    @Test
    void parsePositive_rejectsZero() {
        assertThatThrownBy(() -> Durations.parsePositive("0m")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Durations.parsePositive("PT-5M")).hasMessageContaining("not be negative");
    }

    @Test
    void configErrors_duration_namesTheOption_andKeepsCollecting() {
        ConfigErrors errors = new ConfigErrors();
        assertThat(errors.duration("--every", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(errors.duration("--every", "soon")).isNull();
        assertThat(errors.duration("--for", "-5s")).isNull();
        assertThat(errors.all())
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("--every: 'soon' is not a duration"))
                .anySatisfy(m -> assertThat(m).startsWith("--for: '-5s' is not a duration"));
    }
}
