package dev.onair.display.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class NightHoursTest {
    @Test
    void spanAcrossMidnight_dimsOnlyInsideIt() {
        NightHours night = NightHours.parse("22:00-07:00", NightHours.Mode.DIM, 16);

        assertThat(night.apply(200, LocalTime.of(23, 30))).isEqualTo(16);
        assertThat(night.apply(200, LocalTime.of(6, 59))).isEqualTo(16);
        assertThat(night.apply(200, LocalTime.of(7, 0))).isEqualTo(200);
        assertThat(night.apply(8, LocalTime.of(1, 0))).isEqualTo(8);
    }

    @Test
    void offMode_isZeroBrightness() {
        NightHours night = NightHours.parse("12:00-13:00", NightHours.Mode.OFF, 16);

        assertThat(night.apply(200, LocalTime.of(12, 15))).isZero();
        assertThat(night.apply(200, LocalTime.of(13, 15))).isEqualTo(200);
    }

    @Test
    void badSpan_namesTheValue() {
        assertThatThrownBy(() -> NightHours.parse("late", NightHours.Mode.DIM, 16))
                .hasMessageContaining("'late'");
    }
}
