package dev.onair.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.runtime.mqtt.TlsTrust;
import dev.onair.testsupport.TestClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Raw TCP connections to the real TLS listener: from an address nobody logged in from, those past the burst are
 * closed before any TLS handshake; from an address a user logged in from, none is, and that user still connects
 * (issue 11, bad logins: the attackers' handshakes took the cores from the open connections).
 */
class ConnectionRateLimitIT {
    /** More than the burst from one address at once (opened in well under the 5 s the refill needs for 10). */
    private static final int ATTEMPTS = ConnectionRateLimit.BURST + 10;

    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    @Test
    void manyConnectionsFromOneAddress_areClosedBeforeTls_butNotFromAnAddressKnownForAGoodLogin() throws Exception {
        broker.addUser("viewer", Role.VIEWER);
        try (TestClient good = TestClient.connect(broker.settings("viewer"), "viewer")) {
            assertThat(good).isNotNull();
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, TlsTrust.trustManagerFactory(broker.settings("viewer")).getTrustManagers(), null);
        InetAddress known = InetAddress.getByName("localhost"); // where the good login came from
        InetAddress stranger = InetAddress.getByName(known.getAddress()[0] == 127 ? "127.0.0.2" : "::1");

        int strangerHandshakes = handshakes(tls, open(stranger));
        int knownHandshakes = handshakes(tls, open(known));

        assertThat(strangerHandshakes).as("handshakes from %s", stranger).isLessThan(ATTEMPTS);
        assertThat(knownHandshakes).as("handshakes from %s", known).isEqualTo(ATTEMPTS);
        try (TestClient again = TestClient.connect(broker.settings("viewer"), "viewer-again")) {
            assertThat(again).isNotNull();
        }
    }

    /** {@link #ATTEMPTS} TCP connections from {@code source}, opened as fast as possible, no TLS yet. */
    private List<Socket> open(InetAddress source) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(source, 0));
            s.connect(new InetSocketAddress(InetAddress.getByName("localhost"), broker.tlsPort()), 10_000);
            sockets.add(s);
        }
        return sockets;
    }

    /** How many of {@code sockets} complete a TLS handshake with the broker; closes them all. */
    private static int handshakes(SSLContext tls, List<Socket> sockets) throws IOException {
        int done = 0;
        for (Socket s : sockets) {
            s.setSoTimeout(15_000);
            try (SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, "localhost", s.getPort(), true)) {
                ssl.startHandshake();
                done++;
            } catch (IOException closedBeforeTls) {
                // refused: the broker closed the connection without answering the ClientHello
            } finally {
                s.close();
            }
        }
        return done;
    }
}
