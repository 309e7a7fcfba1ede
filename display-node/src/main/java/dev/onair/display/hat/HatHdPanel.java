package dev.onair.display.hat;

import com.pi4j.io.spi.Spi;
import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.display.panel.SizedPanel;
import java.io.IOException;

/**
 * Pimoroni Unicorn HAT HD: 16×16 RGB LEDs behind a microcontroller on SPI bus 0, chip select CE0, mode 0, 9 MHz. Needs
 * {@code dtparam=spi=on} in {@code /boot/firmware/config.txt}.
 *
 * <p>One transfer per frame, as Pimoroni's {@code unicornhathd} library sends it: the start-of-frame byte {@code 0x72},
 * then 768 bytes R, G, B for x 0..15 and, within each x, y 0..15 (after rotation), each value scaled by the brightness
 * the way the library scales it ({@link #scale}), and at least 1/120 s after the previous one ({@link FramePacer}).
 */
public final class HatHdPanel extends SizedPanel {
    public static final int SIZE = 16;
    public static final int SPEED_HZ = 9_000_000;
    static final byte START_OF_FRAME = 0x72;

    private final SpiBus bus;
    private final Rotation rotation;
    private final int speedHz;
    private final FramePacer pacer;
    private Spi spi;

    public HatHdPanel(SpiBus bus, Rotation rotation, int speedHz) {
        this(bus, rotation, speedHz, FramePacer.SYSTEM);
    }

    HatHdPanel(SpiBus bus, Rotation rotation, int speedHz, FramePacer.Ticker ticker) {
        super(SIZE, SIZE);
        this.bus = bus;
        this.rotation = rotation;
        this.speedHz = speedHz;
        this.pacer = new FramePacer(ticker, FramePacer.HAT_HD_GAP_NANOS);
    }

    @Override
    public void open() throws IOException {
        try {
            spi = bus.open("onair-hat-hd", 0, speedHz);
        } catch (RuntimeException e) {
            throw new IOException(
                    "cannot open SPI bus 0 CE0 (/dev/spidev0.0): " + e.getMessage()
                            + "; enable SPI with dtparam=spi=on in /boot/firmware/config.txt and reboot",
                    e);
        }
    }

    @Override
    public void show(Frame frame, int brightness) throws IOException {
        byte[] bytes = encode(frame, brightness, rotation);
        pacer.awaitTurn();
        try {
            SpiBus.transfer(spi, bytes);
        } finally {
            pacer.sent();
        }
    }

    /** The bytes of one transfer for {@code frame}. */
    static byte[] encode(Frame frame, int brightness, Rotation rotation) {
        Frame physical = rotation.toPhysical(frame, SIZE, SIZE);
        byte[] out = new byte[1 + SIZE * SIZE * 3];
        out[0] = START_OF_FRAME;
        int i = 1;
        for (int x = 0; x < SIZE; x++) {
            for (int y = 0; y < SIZE; y++) {
                int p = physical.packed(x, y);
                out[i++] = (byte) scale((p >> 16) & 0xFF, brightness);
                out[i++] = (byte) scale((p >> 8) & 0xFF, brightness);
                out[i++] = (byte) scale(p & 0xFF, brightness);
            }
        }
        return out;
    }

    /**
     * One colour value at a brightness, exactly as Pimoroni's library computes it (pimoroni/unicorn-hat-hd,
     * {@code library/unicornhathd/__init__.py}, {@code show()}):
     * {@code (numpy.rot90(_buf, _rotation).reshape(768) * _brightness).astype(numpy.uint8)} with {@code _brightness} a
     * float 0.0..1.0. A double multiply then truncation; whole-number {@code v * b / 255} comes out one higher at
     * brightness 147, 155, 171, 187 and 195 (issue 16). Java's double arithmetic is IEEE 754, as Python's and numpy's.
     */
    static int scale(int value, int brightness) {
        return (int) (value * (brightness / 255.0));
    }

    @Override
    public void close() {
        if (spi != null) {
            try {
                show(Frame.black(SIZE, SIZE), 0);
            } catch (IOException | RuntimeException e) {
                // The panel may already be gone; releasing the device still matters.
            }
            SpiBus.close(spi);
            spi = null;
        }
    }

    @Override
    public String describe() {
        return "Unicorn HAT HD (SPI 0.0, " + speedHz + " Hz, rotation " + rotation.degrees() + ")";
    }
}
