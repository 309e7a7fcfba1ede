package dev.onair.display.hat;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.display.panel.SizedPanel;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The original Unicorn HAT (8×8 WS2812 on GPIO 18) on a Pi 4 or older, through Pimoroni's {@code unicornd} daemon: the
 * daemon runs as root and owns the PWM/DMA hardware, this process only talks to its Unix socket
 * ({@code /var/run/unicornd.socket}), so no native code runs here.
 *
 * <p>The protocol (from {@code unicornd.c}): one command byte, then its arguments. {@code 0} set brightness (one byte
 * 0..255; OnAir sends 255 once and puts Pimoroni's capped, gamma-corrected brightness into the values), {@code 2} set all pixels (64 × R, G, B; the daemon puts slot {@code x * 8 + y} on LED {@code map[x][y]},
 * which is upside down from the Python library, so rows go in flipped: see {@link UnicornHatLayout}), {@code 3} show,
 * {@code 4} clear. The daemon serves one client at a time. A restarted daemon is reconnected to on the next frame.
 */
public final class UnicorndPanel extends SizedPanel {
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/unicornd.socket");

    static final int CMD_SET_BRIGHTNESS = 0;
    static final int CMD_SET_ALL_PIXELS = 2;
    static final int CMD_SHOW = 3;
    static final int CMD_CLEAR = 4;

    private static final int SIZE = UnicornHatLayout.SIZE;

    private final Path socket;
    private final Rotation rotation;
    private SocketChannel channel;
    private boolean brightnessSent;

    public UnicorndPanel(Path socket, Rotation rotation) {
        super(SIZE, SIZE);
        this.socket = socket;
        this.rotation = rotation;
    }

    @Override
    public void open() throws IOException {
        connect();
    }

    private void connect() throws IOException {
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            hangUp();
            throw new IOException(
                    "cannot connect to unicornd at " + socket + ": " + e.getMessage()
                            + "; install and start Pimoroni's unicornd (sudo systemctl start unicornd)",
                    e);
        }
        // A new connection may be a new daemon, which starts at its own brightness (20 in unicornd.c).
        brightnessSent = false;
    }

    /**
     * Sends a frame. When unicornd has restarted ({@code systemctl restart unicornd}, an upgrade), the old connection
     * is dead: the write fails with a broken pipe, so this connects again and sends the frame, brightness included,
     * once more; while the daemon is down each frame tries again and fails with a message naming the socket.
     */
    @Override
    public void show(Frame frame, int brightness) throws IOException {
        if (channel == null) {
            connect();
        }
        try {
            write(encode(frame, brightness));
        } catch (IOException e) {
            hangUp();
            connect();
            write(encode(frame, brightness));
        }
        brightnessSent = true;
    }

    private ByteBuffer encode(Frame frame, int brightness) {
        ByteBuffer out = ByteBuffer.allocate(2 + 1 + SIZE * SIZE * 3 + 1);
        if (!brightnessSent) {
            // The brightness is in the values (UnicornHatGamma); the daemon's own must leave them as they are.
            out.put((byte) CMD_SET_BRIGHTNESS).put((byte) UnicornHatGamma.PASS_THROUGH);
        }
        Frame physical = rotation.toPhysical(frame, SIZE, SIZE);
        out.put((byte) CMD_SET_ALL_PIXELS);
        int pixels = out.position();
        for (int x = 0; x < SIZE; x++) {
            for (int y = 0; y < SIZE; y++) {
                int p = UnicornHatGamma.ledPixel(physical.packed(x, y), brightness);
                int at = pixels + UnicornHatLayout.daemonSlot(x, y) * 3;
                out.put(at, (byte) (p >> 16)).put(at + 1, (byte) (p >> 8)).put(at + 2, (byte) p);
            }
        }
        out.position(pixels + SIZE * SIZE * 3);
        out.put((byte) CMD_SHOW);
        return out.flip();
    }

    private void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public int outputBrightness(int brightness) {
        return UnicornHatGamma.outputBrightness(brightness);
    }

    /** Clear, show, and hang up, as Pimoroni's own client does on exit. */
    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            if (channel.isConnected()) {
                write(ByteBuffer.wrap(new byte[] {CMD_CLEAR, CMD_SHOW}));
            }
        } catch (IOException e) {
            // The daemon may already be gone; closing the socket still matters.
        }
        hangUp();
    }

    private void hangUp() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
            channel = null;
        }
    }

    @Override
    public String describe() {
        return "Unicorn HAT via unicornd (" + socket + ", rotation " + rotation.degrees() + ")";
    }
}
