package dev.onair.display.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RotationTest {
    private static Frame topLeftLit(int w, int h) {
        int[] px = new int[w * h];
        px[0] = 0xFFFFFF;
        return Frame.of(w, h, px);
    }

    @Test
    void eachRotation_movesTheViewersTopLeftToTheExpectedHardwareCorner() {
        // Hardware 17 wide, 7 high (the HAT Mini), as Pimoroni's set_pixel rotates.
        assertThat(Rotation.R0.toPhysical(topLeftLit(17, 7), 17, 7).packed(0, 0))
                .isEqualTo(0xFFFFFF);
        assertThat(Rotation.R90.toPhysical(topLeftLit(7, 17), 17, 7).packed(16, 0))
                .isEqualTo(0xFFFFFF);
        assertThat(Rotation.R180.toPhysical(topLeftLit(17, 7), 17, 7).packed(16, 6))
                .isEqualTo(0xFFFFFF);
        assertThat(Rotation.R270.toPhysical(topLeftLit(7, 17), 17, 7).packed(0, 6))
                .isEqualTo(0xFFFFFF);
    }
}
