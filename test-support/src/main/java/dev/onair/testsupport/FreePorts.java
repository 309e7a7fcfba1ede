package dev.onair.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds TCP ports that are free right now, for servers in tests that must be told a port before they start. */
public final class FreePorts {
    private FreePorts() {}

    /** One free port. */
    public static int one() {
        return several(1)[0];
    }

    /** {@code count} distinct free ports (all held open together while choosing, so they differ). */
    public static int[] several(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
                s.setReuseAddress(true);
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket we just opened; nothing to do
                }
            }
        }
    }
}
