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
            px[0 * 8 + 1] = Frame.pack(0, 0, 255); // x=1, y=0: the daemon's pixels[x * 8 + y] = pixels[8]

            panel.show(Frame.of(8, 8, px), 200);
            panel.show(Frame.solid(8, 8, new Rgb(0, 10, 0)), 200);
            panel.close();

            Bytes first = new Bytes().add(0, 200).add(2);
            for (int x = 0; x < 8; x++) {
                for (int y = 0; y < 8; y++) {
                    first.add(x == 1 && y == 0 ? new byte[] {0, 0, (byte) 255} : new byte[] {(byte) 255, 0, 0});
                }
            }
            first.add(3);
            byte[] expected = first.add(2).repeat(64, 0, 10, 0).add(3).add(4, 3).toArray();
            assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(expected);
        }
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
