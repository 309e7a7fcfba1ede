package dev.onair.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that a test or benchmark controls: it counts the bytes each way, and it can cut the
 * network.
 *
 * <p>A cut is modelled on a link going dead between a client and its broker: the broker's side of every connection
 * is reset at once (so the broker ends the session and sends the client's will, as it would after its keep-alive
 * timeout on a real link), while the client's side sees nothing at all: its bytes go nowhere and new connections are
 * held unanswered. When the link heals, connections held during the cut go through, and each client whose old
 * connection was cut gets a reset on it, as its next retransmission would from the broker's host.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
        this.acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Listens on a free loopback port and forwards to loopback {@code targetPort}. */
    public static TcpProxy start(int targetPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(server, targetPort);
        proxy.acceptor.start();
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Bytes from clients to the target so far. */
    public long bytesUp() {
        return up.get();
    }

    /** Bytes from the target to clients so far. */
    public long bytesDown() {
        return down.get();
    }

    /** Cuts the network (see the class comment). */
    public synchronized void cut() {
        cut = true;
        for (Link link : links) {
            link.cutBrokerSide();
        }
    }

    /** Heals the network (see the class comment). */
    public synchronized void heal() {
        cut = false;
        for (Link link : links) {
            if (link.wasCut) {
                link.resetClientSide();
            } else if (link.broker == null) {
                link.connect();
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Link link = new Link(client);
                links.add(link);
                synchronized (this) {
                    if (!cut) {
                        link.connect();
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("tcp proxy: " + e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Link link : links) {
            link.closeBoth();
        }
    }

    /** One client connection and, once connected, its connection to the target. */
    private final class Link {
        final Socket client;
        volatile Socket broker;
        volatile boolean wasCut;

        Link(Socket client) {
            this.client = client;
        }

        void connect() {
            try {
                Socket b = new Socket();
                b.setTcpNoDelay(true);
                b.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2_000);
                broker = b;
                pump(client, b, up, "up");
                pump(b, client, down, "down");
            } catch (IOException e) {
                closeBoth();
            }
        }

        void cutBrokerSide() {
            Socket b = broker;
            if (b != null) {
                wasCut = true;
                reset(b);
            }
        }

        void resetClientSide() {
            reset(client);
            links.remove(this);
        }

        void closeBoth() {
            reset(client);
            if (broker != null) {
                reset(broker);
            }
            links.remove(this);
        }

        private void pump(Socket from, Socket to, AtomicLong counter, String way) {
            Thread t = new Thread(
                    () -> {
                        byte[] buffer = new byte[16 * 1024];
                        try (InputStream in = from.getInputStream()) {
                            OutputStream out = to.getOutputStream();
                            int n;
                            while ((n = in.read(buffer)) >= 0) {
                                if (wasCut) {
                                    continue; // the dead link swallows what the client still sends
                                }
                                counter.addAndGet(n);
                                out.write(buffer, 0, n);
                            }
                        } catch (IOException e) {
                            // one side is gone
                        }
                        if (!wasCut) {
                            closeBoth();
                        }
                    },
                    "tcp-proxy-" + way);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Closes with a reset (SO_LINGER 0), as a dead peer's host would answer. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
