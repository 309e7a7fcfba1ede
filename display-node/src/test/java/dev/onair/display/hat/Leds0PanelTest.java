package dev.onair.display.hat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.protocol.light.Rgb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A temporary file stands in for the Pi 5's /dev/leds0. */
class Leds0PanelTest {
    @TempDir
    Path dir;

    private Leds0Panel open(Path device, Rotation rotation) throws Exception {
        Files.write(device, new byte[0]);
        Leds0Panel panel = new Leds0Panel(device, rotation);
        panel.open();
        return panel;
    }

    @Test
    void show_writesRgbwPerLed_withTheTopLeftPixelWherePimoronisLibraryPutsIt() throws Exception {
        Path device = dir.resolve("leds0");
        Leds0Panel panel = open(device, Rotation.R0);
        int[] px = new int[64];
        px[0] = Frame.pack(255, 0, 0); // (0,0), top-left with the HDMI port down: HAT[0][7 - 0] = LED 0
        px[1] = Frame.pack(0, 255, 0); // (1,0): HAT[1][7] = LED 15
        px[7 * 8] = Frame.pack(0, 0, 255); // (0,7): HAT[0][0] = LED 7

        panel.show(Frame.of(8, 8, px), 255);

        byte[] written = Files.readAllBytes(device);
        // 255 at full brightness is 55 on the LED (Pimoroni's 50 % cap and gamma: see the test below)
        Bytes expected = new Bytes().add(55, 0, 0, 0);
        expected.repeat(6, 0, 0, 0, 0);
        expected.add(0, 0, 55, 0).repeat(7, 0, 0, 0, 0).add(0, 55, 0, 0).repeat(48, 0, 0, 0, 0);
        assertThat(written).isEqualTo(expected.toArray());
    }

    @ParameterizedTest
    @EnumSource(Rotation.class)
    void show_everyRotation_lightsTheLedsPimoronisPythonLibraryLights(Rotation rotation) throws Exception {
        Path device = dir.resolve("leds0");
        Leds0Panel panel = open(device, rotation);
        int[] px = new int[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                px[y * 8 + x] = Frame.pack(x * 8 + y + 1, 200 - x, 100 + y);
            }
        }

        panel.show(Frame.of(8, 8, px), 255);

        byte[] expected = new byte[256];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int led = PimoroniUnicornHat.pythonIndex(x, y, rotation);
                expected[led * 4] = (byte) PimoroniUnicornHat.led(x * 8 + y + 1, 255);
                expected[led * 4 + 1] = (byte) PimoroniUnicornHat.led(200 - x, 255);
                expected[led * 4 + 2] = (byte) PimoroniUnicornHat.led(100 + y, 255);
            }
        }
        assertThat(Files.readAllBytes(device)).isEqualTo(expected);
    }

    @Test
    void show_capsAtHalfAndAppliesPimoronisGamma_andEachFrameOverwritesTheLast() throws Exception {
        Path device = dir.resolve("leds0");
        Leds0Panel panel = open(device, Rotation.R0);

        panel.show(Frame.solid(8, 8, new Rgb(255, 255, 255)), 255);
        panel.show(Frame.solid(8, 8, new Rgb(255, 0, 100)), 255);

        // Full brightness is Pimoroni's cap, strip brightness 128: LED_GAMMA[(255 * 129) >> 8] = LED_GAMMA[128] = 55,
        // LED_GAMMA[(100 * 129) >> 8] = LED_GAMMA[50] = 6.
        assertThat(Files.readAllBytes(device))
                .isEqualTo(new Bytes().repeat(64, 55, 0, 6, 0).toArray());
    }

    @Test
    void encode_everyBrightnessAndValue_isWhatPimoronisLibraryPutsOnTheLed() {
        StringBuilder mismatches = new StringBuilder();
        for (int b = 0; b <= 255; b++) {
            for (int v = 0; v <= 255; v++) {
                byte[] bytes = Leds0Panel.encode(Frame.solid(8, 8, new Rgb(v, 0, 0)), b, Rotation.R0);
                if ((bytes[0] & 0xFF) != PimoroniUnicornHat.led(v, b)) {
                    mismatches.append(b).append(':').append(v).append(' ');
                }
            }
        }
        assertThat(mismatches.toString()).isEmpty();
    }

    @Test
    void outputBrightness_isPimoronisCap_forTheDashboard() {
        Leds0Panel panel = new Leds0Panel(dir.resolve("leds0"), Rotation.R0);

        // (255 * (int(b * 128.0) + 1)) >> 8: a full channel before the gamma table
        assertThat(panel.outputBrightness(255)).isEqualTo(128);
        assertThat(panel.outputBrightness(128)).isEqualTo(64);
        assertThat(panel.outputBrightness(0)).isZero();
        assertThat(new UnicorndPanel(dir.resolve("s"), Rotation.R0).outputBrightness(255))
                .isEqualTo(128);
    }

    @Test
    void close_writesEveryLedOff() throws Exception {
        Path device = dir.resolve("leds0");
        Leds0Panel panel = open(device, Rotation.R0);
        panel.show(Frame.solid(8, 8, new Rgb(9, 9, 9)), 255);

        panel.close();

        assertThat(Files.readAllBytes(device)).isEqualTo(new byte[256]);
    }
}
