package dev.onair.display.hat;

import com.pi4j.io.spi.Spi;
import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Panel;
import dev.onair.display.panel.Rotation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pimoroni Unicorn HAT Mini: 17×7 RGB LEDs on two Holtek HT16D35 drivers, the left one on SPI bus 0 CE0 and the right
 * one on CE1, mode 0, 600 kHz by default (the library's default; it was tested up to about 6 MHz, and a faster
 * {@code --spi-speed} is warned about). Needs {@code dtparam=spi=on}.
 *
 * <p>Everything on the wire is what Pimoroni's {@code unicornhatmini} library sends: its initialisation sequence,
 * its 119-entry pixel lookup table, 6-bit colour values, {@code [0x80, 0x00]} plus 224 bytes per chip per frame,
 * global brightness through command {@code 0x37} (0 to 63), and its shutdown sequence.
 */
public final class HatMiniPanel implements Panel {
    public static final int WIDTH = 17;
    public static final int HEIGHT = 7;
    /** unicornhatmini's own default: {@code UnicornHATMini(spi_max_speed_hz=600000)}. */
    public static final int SPEED_HZ = 600_000;
    /** "Tested to around 6MHz (500fps) on a Pi 4 and 6KHz (50fps) on an A+." (the library's constructor docstring) */
    static final int TESTED_MAX_HZ = 6_000_000;

    private static final Logger log = LoggerFactory.getLogger(HatMiniPanel.class);

    static final int CMD_SOFT_RESET = 0xCC;
    static final int CMD_GLOBAL_BRIGHTNESS = 0x37;
    static final int CMD_COM_PIN_CTRL = 0x41;
    static final int CMD_ROW_PIN_CTRL = 0x42;
    static final int CMD_WRITE_DISPLAY = 0x80;
    static final int CMD_SYSTEM_CTRL = 0x35;
    static final int CMD_SCROLL_CTRL = 0x20;
    static final int BYTES_PER_CHIP = 28 * 8;

    private final SpiBus bus;
    private final Rotation rotation;
    private final int speedHz;
    private Spi left;
    private Spi right;
    private int sentBrightness = -1;

    public HatMiniPanel(SpiBus bus, Rotation rotation, int speedHz) {
        this.bus = bus;
        this.rotation = rotation;
        this.speedHz = speedHz;
    }

    @Override
    public int width() {
        return rotation.logicalWidth(WIDTH, HEIGHT);
    }

    @Override
    public int height() {
        return rotation.logicalHeight(WIDTH, HEIGHT);
    }

    @Override
    public void open() throws IOException {
        if (speedHz > TESTED_MAX_HZ) {
            log.warn(
                    "SPI speed {} Hz for the Unicorn HAT Mini is above the 6 MHz Pimoroni tested it at; if pixels"
                            + " flicker or stay dark, lower --spi-speed (default {} Hz)",
                    speedHz,
                    SPEED_HZ);
        }
        try {
            left = bus.open("onair-hat-mini-left", 0, speedHz);
            right = bus.open("onair-hat-mini-right", 1, speedHz);
        } catch (RuntimeException e) {
            close();
            throw new IOException(
                    "cannot open SPI bus 0 CE0/CE1 (/dev/spidev0.0 and 0.1): " + e.getMessage()
                            + "; enable SPI with dtparam=spi=on in /boot/firmware/config.txt and reboot",
                    e);
        }
        byte[] blank = writeDisplay(new byte[BYTES_PER_CHIP * 2], 0);
        for (Spi chip : new Spi[] {left, right}) {
            send(chip, CMD_SOFT_RESET);
            send(chip, CMD_GLOBAL_BRIGHTNESS, 0x01);
            send(chip, CMD_SCROLL_CTRL, 0x00);
            send(chip, CMD_SYSTEM_CTRL, 0x00);
            SpiBus.transfer(chip, blank);
            send(chip, CMD_COM_PIN_CTRL, 0xFF);
            send(chip, CMD_ROW_PIN_CTRL, 0xFF, 0xFF, 0xFF, 0xFF);
            send(chip, CMD_SYSTEM_CTRL, 0x03);
        }
        sentBrightness = -1;
    }

    @Override
    public void show(Frame frame, int brightness) throws IOException {
        if (brightness != sentBrightness) {
            // The library's set_brightness(b) sends int(63 * b) for b in 0.0..1.0.
            int level = 63 * brightness / 255;
            send(left, CMD_GLOBAL_BRIGHTNESS, level);
            send(right, CMD_GLOBAL_BRIGHTNESS, level);
            sentBrightness = brightness;
        }
        byte[] buf = buffer(rotation.toPhysical(frame, WIDTH, HEIGHT));
        SpiBus.transfer(left, writeDisplay(buf, 0));
        SpiBus.transfer(right, writeDisplay(buf, BYTES_PER_CHIP));
    }

    /** Both chips' display memory for a 17×7 hardware frame: each pixel's 6-bit R, G, B at its lookup-table slots. */
    static byte[] buffer(Frame physical) {
        byte[] buf = new byte[BYTES_PER_CHIP * 2];
        for (int x = 0; x < WIDTH; x++) {
            for (int y = 0; y < HEIGHT; y++) {
                int p = physical.packed(x, y);
                int[] slots = HatMiniLookup.LUT[x * HEIGHT + y];
                buf[slots[0]] = (byte) (((p >> 16) & 0xFF) >> 2);
                buf[slots[1]] = (byte) (((p >> 8) & 0xFF) >> 2);
                buf[slots[2]] = (byte) ((p & 0xFF) >> 2);
            }
        }
        return buf;
    }

    static byte[] writeDisplay(byte[] buf, int offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + BYTES_PER_CHIP);
        out.write(CMD_WRITE_DISPLAY);
        out.write(0x00);
        out.write(buf, offset, BYTES_PER_CHIP);
        return out.toByteArray();
    }

    private static void send(Spi chip, int... command) throws IOException {
        byte[] bytes = new byte[command.length];
        for (int i = 0; i < command.length; i++) {
            bytes[i] = (byte) command[i];
        }
        SpiBus.transfer(chip, bytes);
    }

    /** The library's shutdown sequence on each chip (COM and ROW pins off, system off), which darkens every LED. */
    @Override
    public void close() {
        if (left != null && right != null) {
            try {
                for (Spi chip : new Spi[] {left, right}) {
                    send(chip, CMD_COM_PIN_CTRL, 0x00);
                    send(chip, CMD_ROW_PIN_CTRL, 0x00, 0x00, 0x00, 0x00);
                    send(chip, CMD_SYSTEM_CTRL, 0x00);
                }
            } catch (IOException | RuntimeException e) {
                // The panel may already be gone; releasing the devices still matters.
            }
        }
        SpiBus.close(left);
        SpiBus.close(right);
        left = null;
        right = null;
    }

    @Override
    public String describe() {
        return "Unicorn HAT Mini (SPI 0.0 + 0.1, " + speedHz + " Hz, rotation " + rotation.degrees() + ")";
    }
}
