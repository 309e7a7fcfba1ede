package dev.onair.display.hat;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.display.panel.SizedPanel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The original Unicorn HAT (8×8 WS2812 on GPIO 18) on a Raspberry Pi 5, through the kernel's RP1 PIO driver
 * ({@code dtoverlay=ws2812-pio,gpio=18,num_leds=64} in {@code /boot/firmware/config.txt}), which creates
 * {@code /dev/leds0}.
 *
 * <p>A frame is one write, from the start of the device (it is opened afresh for each frame, which is what
 * {@code cat frame > /dev/leds0} does too), of 4 bytes per LED in chain order: R, G, B, W (W is 0; the HAT's LEDs have no
 * white). Pixels follow the HAT's serpentine chain; the brightness, capped at 50 % and gamma-corrected as Pimoroni's
 * library does it ({@link UnicornHatGamma}), goes into the values here, so the driver's own brightness is left as
 * configured in the overlay (255 by default).
 */
public final class Leds0Panel extends SizedPanel {
    public static final Path DEFAULT_DEVICE = Path.of("/dev/leds0");

    private static final int SIZE = UnicornHatLayout.SIZE;

    private final Path device;
    private final Rotation rotation;
    private boolean open;

    public Leds0Panel(Path device, Rotation rotation) {
        super(SIZE, SIZE);
        this.device = device;
        this.rotation = rotation;
    }

    @Override
    public void open() throws IOException {
        if (!Files.exists(device)) {
            throw new IOException(device + " does not exist: on a Pi 5 add dtoverlay=ws2812-pio,gpio=18,num_leds=64"
                    + " to /boot/firmware/config.txt and reboot");
        }
        if (!Files.isWritable(device)) {
            throw new IOException(
                    "cannot write to " + device + ": run as root or give the user write access to it (a udev rule)");
        }
        open = true;
    }

    @Override
    public void show(Frame frame, int brightness) throws IOException {
        write(encode(frame, brightness, rotation));
    }

    /** The 256 bytes written for {@code frame}. */
    static byte[] encode(Frame frame, int brightness, Rotation rotation) {
        Frame physical = rotation.toPhysical(frame, SIZE, SIZE);
        byte[] out = new byte[SIZE * SIZE * 4];
        for (int x = 0; x < SIZE; x++) {
            for (int y = 0; y < SIZE; y++) {
                int p = UnicornHatGamma.ledPixel(physical.packed(x, y), brightness);
                int at = UnicornHatLayout.ledIndex(x, y) * 4;
                out[at] = (byte) (p >> 16);
                out[at + 1] = (byte) (p >> 8);
                out[at + 2] = (byte) p;
                out[at + 3] = 0;
            }
        }
        return out;
    }

    private void write(byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(device, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    @Override
    public int outputBrightness(int brightness) {
        return UnicornHatGamma.outputBrightness(brightness);
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            write(new byte[SIZE * SIZE * 4]);
        } catch (IOException e) {
            // The device may already be gone; nothing else to release.
        }
    }

    @Override
    public String describe() {
        return "Unicorn HAT via " + device + " (rotation " + rotation.degrees() + ")";
    }
}
