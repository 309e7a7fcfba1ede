package dev.onair.display.hat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.protocol.light.Rgb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void show_writesRgbwPerLedInSerpentineChainOrder() throws Exception {
        Path device = dir.resolve("leds0");
        Leds0Panel panel = open(device, Rotation.R0);
        int[] px = new int[64];
        px[0] = Frame.pack(255, 0, 0); // (0,0): column 0 runs backwards, LED 7
        px[1] = Frame.pack(0, 255, 0); // (1,0): column 1 runs forwards, LED 8
        px[7 * 8] = Frame.pack(0, 0, 255); // (0,7): LED 0, the start of the chain

        panel.show(Frame.of(8, 8, px), 255);

        byte[] written = Files.readAllBytes(device);
        Bytes expected = new Bytes().add(0, 0, 255, 0);
        expected.repeat(6, 0, 0, 0, 0);
        expected.add(255, 0, 0, 0).add(0, 255, 0, 0).repeat(55, 0, 0, 0, 0);
        assertThat(written).isEqualTo(expected.toArray());
    }

    @Test
    void show_brightness_scalesValues_andEachFrameOverwritesTheLast() throws Exception {
        Path device = dir.resolve("leds0");
        Leds0Panel panel = open(device, Rotation.R0);

        panel.show(Frame.solid(8, 8, new Rgb(255, 255, 255)), 255);
        panel.show(Frame.solid(8, 8, new Rgb(255, 0, 100)), 128);

        assertThat(Files.readAllBytes(device))
                .isEqualTo(new Bytes().repeat(64, 128, 0, 50, 0).toArray());
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
