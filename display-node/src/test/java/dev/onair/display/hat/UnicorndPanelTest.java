package dev.onair.display.hat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.protocol.light.Rgb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Unix socket server stands in for unicornd and records every byte the panel sends. */
class UnicorndPanelTest {
    @TempDir
    Path dir;

    @Test
    void show_thenClose_sendsBrightnessAllPixelsShow_thenClearShow() throws Exception {
        Path socket = dir.resolve("unicornd.socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(server));
            UnicorndPanel panel = new UnicorndPanel(socket, Rotation.R0);
            panel.open();
            int[] px = new int[64];
            java.util.Arrays.fill(px, Frame.pack(255, 0, 0));
            // x=1, y=0 (top row): Python lights HAT[1][7]; the daemon lights map[x][y] for pixels[x * 8 + y], so slot 1
            // * 8 + 7
            px[0 * 8 + 1] = Frame.pack(0, 0, 255);

            panel.show(Frame.of(8, 8, px), 200);
            panel.show(Frame.solid(8, 8, new Rgb(0, 10, 0)), 200);
            panel.close();

            // The brightness goes into the values (Pimoroni's cap and gamma, as the Python library does it), so the
            // daemon's own brightness is 255 once: rpi_ws281x's (v * (255 + 1)) >> 8 leaves every value as sent.
            int red = PimoroniUnicornHat.led(255, 200);
            int blue = PimoroniUnicornHat.led(255, 200);
            Bytes first = new Bytes().add(0, 255).add(2);
            for (int x = 0; x < 8; x++) {
                for (int y = 0; y < 8; y++) {
                    first.add(x == 1 && y == 7 ? new byte[] {0, 0, (byte) blue} : new byte[] {(byte) red, 0, 0});
                }
            }
            first.add(3);
            int green = PimoroniUnicornHat.led(10, 200);
            byte[] expected =
                    first.add(2).repeat(64, 0, green, 0).add(3).add(4, 3).toArray();
            assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Rotation.class)
    void show_everyRotation_lightsTheLedsPimoronisPythonLibraryLights(Rotation rotation) throws Exception {
        Path socket = dir.resolve("unicornd.socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(server));
            UnicorndPanel panel = new UnicorndPanel(socket, rotation);
            panel.open();
            int[] px = new int[64];
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    px[y * 8 + x] = Frame.pack(x * 8 + y + 1, 200 - x, 100 + y);
                }
            }

            panel.show(Frame.of(8, 8, px), 255);
            panel.close();

            byte[] bytes = received.get(5, TimeUnit.SECONDS);
            int setAll = indexOf(bytes, UnicorndPanel.CMD_SET_ALL_PIXELS);
            int[] leds = PimoroniUnicornHat.daemonLeds(bytes, setAll + 1);
            int[] expected = new int[64];
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    expected[PimoroniUnicornHat.pythonIndex(x, y, rotation)] = Frame.pack(
                            PimoroniUnicornHat.led(x * 8 + y + 1, 255),
                            PimoroniUnicornHat.led(200 - x, 255),
                            PimoroniUnicornHat.led(100 + y, 255));
                }
            }
            assertThat(leds).isEqualTo(expected);
        }
    }

    private static int indexOf(byte[] bytes, int command) {
        // The commands before set-all-pixels: at most a brightness (0, b), whose argument is never 2 here.
        for (int i = 0; i < bytes.length; i += bytes[i] == UnicorndPanel.CMD_SET_BRIGHTNESS ? 2 : 1) {
            if (bytes[i] == command) {
                return i;
            }
        }
        throw new AssertionError("no command " + command + " sent");
    }

    @Test
    void show_whileTheDaemonRestarts_failsSayingSo_thenReconnectsAndSendsEverythingAgain() throws Exception {
        Path socket = dir.resolve("unicornd.socket");
        UnicorndPanel panel = new UnicorndPanel(socket, Rotation.R0);
        int frameBytes = 2 + 1 + 64 * 3 + 1;
        try (ServerSocketChannel first = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            first.bind(UnixDomainSocketAddress.of(socket));
            panel.open();
            try (SocketChannel client = first.accept()) {
                panel.show(Frame.solid(8, 8, new Rgb(255, 0, 0)), 255);
                assertThat(read(client, frameBytes)).hasSize(frameBytes);
            }
        }
        // systemctl restart unicornd: the daemon is gone, and its socket file with it until it starts again
        java.nio.file.Files.deleteIfExists(socket);
        assertThatThrownBy(() -> panel.show(Frame.solid(8, 8, new Rgb(0, 255, 0)), 255))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unicornd");

        try (ServerSocketChannel second = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            second.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(second));

            panel.show(Frame.solid(8, 8, new Rgb(0, 255, 0)), 255);
            panel.close();

            int green = PimoroniUnicornHat.led(255, 255);
            byte[] expected = new Bytes()
                    .add(0, 255) // a new connection: the daemon's brightness again
                    .add(2)
                    .repeat(64, 0, green, 0)
                    .add(3)
                    .add(4, 3)
                    .toArray();
            assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    private static byte[] read(SocketChannel client, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining() && client.read(buf) >= 0) {
            // until the whole frame is in
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    @Test
    void open_withoutDaemon_saysHowToStartIt() {
        UnicorndPanel panel = new UnicorndPanel(dir.resolve("missing.socket"), Rotation.R0);

        assertThatThrownBy(panel::open).isInstanceOf(IOException.class).hasMessageContaining("unicornd");
    }

    private static byte[] readAll(ServerSocketChannel server) {
        try (SocketChannel client = server.accept()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(1024);
            while (client.read(buf) >= 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
