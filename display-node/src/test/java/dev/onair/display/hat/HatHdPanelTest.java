package dev.onair.display.hat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.protocol.light.Rgb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HatHdPanelTest {
    private static final String DEVICE = "onair-hat-hd";
    private final MockSpiBus spi = new MockSpiBus();

    @AfterEach
    void closeSpi() {
        spi.close();
    }

    private HatHdPanel open(Rotation rotation) throws Exception {
        HatHdPanel panel = new HatHdPanel(spi.bus, rotation, HatHdPanel.SPEED_HZ);
        panel.open();
        return panel;
    }

    @Test
    void open_usesBusZeroCe0Mode0At9MHz() throws Exception {
        open(Rotation.R0);

        var config = spi.device(DEVICE).config();
        assertThat(config.bus().getBus()).isZero();
        assertThat(config.channel()).isZero();
        assertThat(config.baud()).isEqualTo(9_000_000);
        assertThat(config.mode().getMode()).isZero();
    }

    @Test
    void show_solidRedAtFullBrightness_sendsStartByteAnd256RedPixels() throws Exception {
        HatHdPanel panel = open(Rotation.R0);

        panel.show(Frame.solid(16, 16, new Rgb(255, 0, 0)), 255);

        assertThat(spi.written(DEVICE))
                .isEqualTo(new Bytes().add(0x72).repeat(256, 255, 0, 0).toArray());
    }

    @Test
    void show_halfBrightness_scalesEveryValue() throws Exception {
        HatHdPanel panel = open(Rotation.R0);

        panel.show(Frame.solid(16, 16, new Rgb(255, 100, 2)), 128);

        // 255*128/255 = 128, 100*128/255 = 50, 2*128/255 = 1
        assertThat(spi.written(DEVICE))
                .isEqualTo(new Bytes().add(0x72).repeat(256, 128, 50, 1).toArray());
    }

    @Test
    void show_gradient_sendsPixelsXMajor() throws Exception {
        HatHdPanel panel = open(Rotation.R0);
        int[] px = new int[256];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                px[y * 16 + x] = Frame.pack(x * 16, y * 16, 7);
            }
        }

        panel.show(Frame.of(16, 16, px), 255);

        Bytes expected = new Bytes().add(0x72);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                expected.add(x * 16, y * 16, 7);
            }
        }
        byte[] sent = spi.written(DEVICE);
        assertThat(sent).isEqualTo(expected.toArray());
        // Spot checks: pixel (x=0, y=1) is the second triple, pixel (x=1, y=0) the seventeenth.
        assertThat(sent[1 + 3 + 1] & 0xFF).isEqualTo(16);
        assertThat(sent[1 + 16 * 3] & 0xFF).isEqualTo(16);
    }

    @Test
    void show_rotated90_movesTopLeftToWhereRot90PutsIt() throws Exception {
        HatHdPanel panel = open(Rotation.R90);
        int[] px = new int[256];
        px[0] = Frame.pack(255, 0, 0); // the viewer's top-left pixel

        panel.show(Frame.of(16, 16, px), 255);

        // numpy.rot90(buf, 1)[15][0] == buf[0][0]: hardware x=15, y=0, i.e. triple 15*16+0.
        byte[] sent = spi.written(DEVICE);
        int at = 1 + (15 * 16) * 3;
        assertThat(new int[] {sent[at] & 0xFF, sent[at + 1] & 0xFF, sent[at + 2] & 0xFF})
                .containsExactly(255, 0, 0);
        int lit = 0;
        for (int i = 1; i < sent.length; i++) {
            lit += sent[i] != 0 ? 1 : 0;
        }
        assertThat(lit).isEqualTo(1);
    }

    @Test
    void close_sendsABlackFrame() throws Exception {
        HatHdPanel panel = open(Rotation.R0);
        panel.show(Frame.solid(16, 16, new Rgb(0, 0, 255)), 255);
        spi.written(DEVICE);
        var device = spi.device(DEVICE);

        panel.close();

        assertThat(device.readEntireMockBuffer())
                .isEqualTo(new Bytes().add(0x72).repeat(256, 0, 0, 0).toArray());
    }
}
