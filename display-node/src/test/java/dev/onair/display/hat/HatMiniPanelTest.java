package dev.onair.display.hat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.protocol.light.Rgb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bytes Pimoroni's unicornhatmini library sends, checked against the panel's output on both chip selects. */
class HatMiniPanelTest {
    private static final String LEFT = "onair-hat-mini-left";
    private static final String RIGHT = "onair-hat-mini-right";
    private final MockSpiBus spi = new MockSpiBus();

    @AfterEach
    void closeSpi() {
        spi.close();
    }

    private HatMiniPanel open(Rotation rotation) throws Exception {
        HatMiniPanel panel = new HatMiniPanel(spi.bus, rotation, HatMiniPanel.SPEED_HZ);
        panel.open();
        return panel;
    }

    private static byte[] initSequence() {
        return new Bytes()
                .add(0xCC)
                .add(0x37, 0x01)
                .add(0x20, 0x00)
                .add(0x35, 0x00)
                .add(0x80, 0x00)
                .repeat(224, 0)
                .add(0x41, 0xFF)
                .add(0x42, 0xFF, 0xFF, 0xFF, 0xFF)
                .add(0x35, 0x03)
                .toArray();
    }

    @Test
    void open_initialisesBothChipsLikeTheLibrary_onCe0AndCe1At600kHz() throws Exception {
        open(Rotation.R0);

        assertThat(spi.written(LEFT)).isEqualTo(initSequence());
        assertThat(spi.written(RIGHT)).isEqualTo(initSequence());
        assertThat(spi.device(LEFT).config().channel()).isZero();
        assertThat(spi.device(RIGHT).config().channel()).isEqualTo(1);
        assertThat(spi.device(LEFT).config().baud()).isEqualTo(600_000);
    }

    @Test
    void open_setsBothDevicesToExactlyMode0_clearingTheNoChipSelectPimoronisLibraryLeaves() throws Exception {
        open(Rotation.R0);

        assertThat(spi.modes).containsEntry(0, 0).containsEntry(1, 0);
    }

    @Test
    void open_aboveTheSixMegahertzPimoroniTested_warns_andAtTheDefaultDoesNot() throws Exception {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(HatMiniPanel.class);
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        logger.addAppender(logs);
        try {
            open(Rotation.R0).close();
            assertThat(logs.list).isEmpty();

            try (MockSpiBus other = new MockSpiBus()) {
                HatMiniPanel fast = new HatMiniPanel(other.bus, Rotation.R0, 8_000_000);
                fast.open();
                fast.close();
            }

            assertThat(logs.list)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("8000000 Hz", "6 MHz"));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void show_firstFrame_setsBrightnessThenWritesSixBitValuesAtLookupSlots() throws Exception {
        HatMiniPanel panel = open(Rotation.R0);
        spi.written(LEFT);
        spi.written(RIGHT);
        int[] px = new int[17 * 7];
        px[0] = Frame.pack(255, 128, 4); // x=0, y=0: LUT entry 0 = [139, 138, 137] on the left chip
        px[6 * 17 + 16] = Frame.pack(8, 16, 252); // x=16, y=6: LUT entry 118 = [296, 298, 297], right chip

        panel.show(Frame.of(17, 7, px), 255);

        byte[] left = new byte[224];
        left[139] = 63;
        left[138] = 32;
        left[137] = 1;
        byte[] right = new byte[224];
        right[296 - 224] = 2;
        right[298 - 224] = 4;
        right[297 - 224] = 63;
        assertThat(spi.written(LEFT))
                .isEqualTo(new Bytes().add(0x37, 63).add(0x80, 0x00).add(left).toArray());
        assertThat(spi.written(RIGHT))
                .isEqualTo(new Bytes().add(0x37, 63).add(0x80, 0x00).add(right).toArray());
    }

    @Test
    void show_solidWhite_lightsEvery119PixelsThreeChannelsAcrossBothChips() throws Exception {
        HatMiniPanel panel = open(Rotation.R0);
        spi.written(LEFT);
        spi.written(RIGHT);

        panel.show(Frame.solid(17, 7, new Rgb(255, 255, 255)), 255);

        byte[] left = spi.written(LEFT);
        byte[] right = spi.written(RIGHT);
        assertThat(left).hasSize(2 + 2 + 224).startsWith((byte) 0x37, (byte) 63, (byte) 0x80, (byte) 0x00);
        assertThat(right).hasSize(2 + 2 + 224);
        assertThat(count(left, 4, 63) + count(right, 4, 63)).isEqualTo(119 * 3);
    }

    @Test
    void show_brightness_isSentOnlyWhenItChanges_asInt63TimesLevel() throws Exception {
        HatMiniPanel panel = open(Rotation.R0);
        spi.written(LEFT);
        Frame black = Frame.black(17, 7);

        panel.show(black, 128);
        byte[] first = spi.written(LEFT);
        panel.show(black, 128);
        byte[] second = spi.written(LEFT);

        assertThat(first)
                .startsWith((byte) 0x37, (byte) 31, (byte) 0x80, (byte) 0x00)
                .hasSize(2 + 2 + 224);
        assertThat(second).startsWith((byte) 0x80, (byte) 0x00).hasSize(2 + 224);
    }

    @Test
    void show_rotated180_putsTheViewersTopLeftOnTheLastHardwarePixel() throws Exception {
        HatMiniPanel panel = open(Rotation.R180);
        spi.written(LEFT);
        spi.written(RIGHT);
        int[] px = new int[17 * 7];
        px[0] = Frame.pack(255, 0, 0);

        panel.show(Frame.of(17, 7, px), 255);

        byte[] right = spi.written(RIGHT);
        assertThat(right[4 + 296 - 224]).isEqualTo((byte) 63);
        assertThat(count(right, 4, 63)).isEqualTo(1);
        assertThat(count(spi.written(LEFT), 4, 63)).isZero();
    }

    @Test
    void rotated90_takesSevenBySeventeenFrames() {
        HatMiniPanel panel = new HatMiniPanel(spi.bus, Rotation.R90, HatMiniPanel.SPEED_HZ);

        assertThat(panel.width()).isEqualTo(7);
        assertThat(panel.height()).isEqualTo(17);
    }

    @Test
    void close_sendsTheLibrarysShutdownSequenceToBothChips() throws Exception {
        HatMiniPanel panel = open(Rotation.R0);
        var left = spi.device(LEFT);
        var right = spi.device(RIGHT);
        left.readEntireMockBuffer();
        right.readEntireMockBuffer();

        panel.close();

        byte[] shutdown = new Bytes()
                .add(0x41, 0x00)
                .add(0x42, 0x00, 0x00, 0x00, 0x00)
                .add(0x35, 0x00)
                .toArray();
        assertThat(left.readEntireMockBuffer()).isEqualTo(shutdown);
        assertThat(right.readEntireMockBuffer()).isEqualTo(shutdown);
    }

    private static int count(byte[] bytes, int from, int value) {
        int n = 0;
        for (int i = from; i < bytes.length; i++) {
            n += (bytes[i] & 0xFF) == value ? 1 : 0;
        }
        return n;
    }
}
