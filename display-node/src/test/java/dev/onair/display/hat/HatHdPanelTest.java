package dev.onair.display.hat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.protocol.light.Rgb;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
    void open_setsTheDeviceToExactlyMode0_clearingNoChipSelectLeftByAnotherProgram() throws Exception {
        open(Rotation.R0);

        assertThat(spi.modes).containsEntry(0, 0);
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

        // python3: [int(v * (128 / 255.0)) for v in (255, 100, 2)] == [128, 50, 1]
        assertThat(spi.written(DEVICE))
                .isEqualTo(new Bytes().add(0x72).repeat(256, 128, 50, 1).toArray());
    }

    /**
     * Pimoroni's {@code show()} (pimoroni/unicorn-hat-hd, {@code library/unicornhathd/__init__.py}) sends
     * {@code (numpy.rot90(_buf, _rotation).reshape(768) * _brightness).astype(numpy.uint8)}: an IEEE double multiply by
     * the float brightness, then truncation. The reference here models those semantics independently of the panel's
     * code: the exact product of {@code v} and the double {@code b / 255.0} (BigDecimal), rounded once to the nearest
     * double (what the hardware multiply does), then truncated.
     */
    @Test
    void scale_matchesPimoronisFloatMultiplyAndTruncate_forEveryBrightnessAndValue() {
        List<String> mismatches = new ArrayList<>();
        List<String> differFromIntegerMath = new ArrayList<>();
        for (int b = 0; b <= 255; b++) {
            for (int v = 0; v <= 255; v++) {
                double pimoroniBrightness = b / 255.0;
                // round-to-nearest-even, as IEEE 754 multiplication rounds; then truncation, as astype(uint8) does
                double product = new BigDecimal(v)
                        .multiply(new BigDecimal(pimoroniBrightness))
                        .doubleValue();
                int reference = (int) product;
                assertThat(HatHdPanel.scale(v, b))
                        .as("value %d at brightness %d", v, b)
                        .isEqualTo(reference);
                if (reference != v * b / 255) {
                    differFromIntegerMath.add(b + ":" + v);
                }
            }
        }
        assertThat(mismatches).as("brightness:value pairs unlike Pimoroni's").isEmpty();
        // Generated with python3 itself: [(b, v) for b in range(256) for v in range(256)
        //                                 if int(v * (b / 255.0)) != v * b // 255]
        assertThat(differFromIntegerMath)
                .containsExactly(
                        "147:85", "147:170", "155:51", "155:102", "155:153", "155:204", "171:85", "171:170", "187:75",
                        "187:150", "187:165", "195:153");
    }

    @Test
    void show_atBrightness155_sendsWhatPimoroniSends() throws Exception {
        HatHdPanel panel = open(Rotation.R0);

        panel.show(Frame.solid(16, 16, new Rgb(51, 102, 204)), 155);

        // python3: [int(v * (155 / 255.0)) for v in (51, 102, 204)] == [30, 61, 123]; v * 155 // 255 gives 31, 62, 124
        assertThat(spi.written(DEVICE))
                .isEqualTo(new Bytes().add(0x72).repeat(256, 30, 61, 123).toArray());
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
    void show_aTransferPi4jReportsAsFailed_isRetried_andTheFrameArrivesOnce() throws Exception {
        HatHdPanel panel = open(Rotation.R0);
        spi.provider.failNext(1, 0); // linuxfs: ioctl failed, logged, 0 returned

        panel.show(Frame.solid(16, 16, new Rgb(0, 255, 0)), 255);

        assertThat(spi.written(DEVICE))
                .isEqualTo(new Bytes().add(0x72).repeat(256, 0, 255, 0).toArray());
    }

    @Test
    void show_aTransferThatStaysShort_throwsNamingTheDeviceAndTheCount() throws Exception {
        HatHdPanel panel = open(Rotation.R0);
        spi.provider.failNext(2, 512);

        assertThatThrownBy(() -> panel.show(Frame.solid(16, 16, new Rgb(0, 255, 0)), 255))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SPI 0.0")
                .hasMessageContaining("512 of 769 bytes");
        assertThat(spi.written(DEVICE)).isEmpty();
    }

    /** A clock that only moves when the panel sleeps or the test says so: no wall time in the test. */
    static final class FakeTicker implements FramePacer.Ticker {
        volatile long now = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void show_framesBackToBack_areAtLeastOneHundredTwentiethOfASecondApart_asPimoroniWaits() throws Exception {
        FakeTicker ticker = new FakeTicker();
        spi.provider.clock(() -> ticker.now);
        HatHdPanel panel = new HatHdPanel(spi.bus, Rotation.R0, HatHdPanel.SPEED_HZ, ticker);
        panel.open();

        for (int i = 0; i < 5; i++) { // catch-up ticks after a stall: no time passes between them
            panel.show(Frame.solid(16, 16, new Rgb(i, 0, 0)), 255);
        }
        ticker.now += 2_000_000_000L; // an idle panel: the next frame goes at once
        panel.show(Frame.solid(16, 16, new Rgb(9, 0, 0)), 255);

        List<Long> times = spi.provider.writeTimes;
        assertThat(times).hasSize(6);
        for (int i = 1; i < 5; i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(1_000_000_000L / 120);
        }
        assertThat(ticker.sleeps).hasSize(4);
        assertThat(times.get(5) - times.get(4)).isEqualTo(2_000_000_000L);
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
