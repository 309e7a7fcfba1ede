package dev.onair.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

/**
 * Many Server-Sent Events clients on one selector thread. Each looks for change markers {@code 0, 1, 2, ...} in
 * turn (the text {@code marker.apply(k)} anywhere in its stream) and stamps when each arrived.
 */
public final class SseClients implements AutoCloseable {
    private final Selector selector;
    private final List<Client> clients = new ArrayList<>();
    private final IntFunction<String> marker;
    private final ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private volatile boolean closed;

    private SseClients(Selector selector, IntFunction<String> marker) {
        this.selector = selector;
        this.marker = marker;
        this.loop = new Thread(this::run, "sse-clients");
        loop.setDaemon(true);
    }

    /**
     * Opens {@code count} streams to {@code GET path} on loopback {@code port}, each from its own loopback address
     * (127.1.x.y: Linux answers the whole 127/8), as that many dashboards on their own phones would: the display's
     * per-address limit stays as shipped.
     */
    public static SseClients open(int port, String path, int count, IntFunction<String> marker) throws IOException {
        SseClients sse = new SseClients(Selector.open(), marker);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.bind(new InetSocketAddress(
                    java.net.InetAddress.getByAddress(new byte[] {127, 1, (byte) (i / 250), (byte) (i % 250 + 1)}), 0));
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            Client c = new Client(i, channel);
            sse.clients.add(c);
            channel.register(sse.selector, SelectionKey.OP_READ, c);
        }
        sse.loop.start();
        return sse;
    }

    /** Clients whose stream is open and has received something. */
    public int streaming() {
        return (int) clients.stream().filter(c -> c.open && c.bytes > 0).count();
    }

    /** Clients whose connection the server closed. */
    public int closedByServer() {
        return (int) clients.stream().filter(c -> !c.open).count();
    }

    /** Takes the arrivals so far: {@code {change, client, nanoTime}}. */
    public List<long[]> drain() {
        List<long[]> out = new ArrayList<>();
        long[] a;
        while ((a = arrivals.poll()) != null) {
            out.add(a);
        }
        return out;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (!closed) {
            try {
                selector.select(200);
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Client c = (Client) key.attachment();
                    buffer.clear();
                    int n;
                    try {
                        n = c.channel.read(buffer);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        c.open = false;
                        key.cancel();
                        c.channel.close();
                        continue;
                    }
                    c.bytes += n;
                    c.text.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                    scan(c, now);
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("sse clients: " + e);
                }
            }
        }
    }

    private void scan(Client c, long now) {
        while (true) {
            String m = marker.apply(c.next);
            int at = c.text.indexOf(m);
            if (at < 0) {
                break;
            }
            arrivals.add(new long[] {c.next, c.id, now});
            c.next++;
            c.text.delete(0, at + m.length());
        }
        // Keep only a tail long enough to hold a marker split across reads.
        if (c.text.length() > 256) {
            c.text.delete(0, c.text.length() - 256);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        for (Client c : clients) {
            c.channel.close();
        }
        selector.close();
    }

    private static final class Client {
        final int id;
        final SocketChannel channel;
        final StringBuilder text = new StringBuilder();
        volatile boolean open = true;
        volatile long bytes;
        int next;

        Client(int id, SocketChannel channel) {
            this.id = id;
            this.channel = channel;
        }
    }
}
