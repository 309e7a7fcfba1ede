package dev.onair.runtime.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.onair.broker.certs.CertificateAuthority;
import dev.onair.broker.certs.CertificateAuthority.Issued;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code --ca-sha256} against a TLS server that is not the broker: the pin must refuse every chain {@code --ca} would,
 * before the client sends its CONNECT (and the password in it). Issue 11: a chain in which the broker's leaf key had
 * signed another certificate was accepted and the password sent.
 */
class PinnedCaIT {
    private static final String PASSWORD = "pinned-secret-9";

    private final Issued ca = CertificateAuthority.createCa("pin-test");
    private final Issued leaf = CertificateAuthority.issueServer(ca, "localhost", List.of());
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicInteger handshakesTried = new AtomicInteger();
    private SSLServerSocket server;
    private MqttConnection client;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void leafKeySigningAnotherCertificate_isRefused_andThePasswordNeverSent() throws Exception {
        // The leaf is no CA (basicConstraints CA:false, no keyCertSign), yet its key signs a certificate of its own.
        Issued forged = CertificateAuthority.issueServer(leaf, "localhost", List.of());
        serve(forged, forged.certificate(), leaf.certificate(), ca.certificate());
        ListAppender<ILoggingEvent> logged = capture();

        connect(TlsTrust.sha256(ca.certificate()));

        await().atMost(Duration.ofSeconds(60)).until(() -> handshakesTried.get() >= 2);
        assertThat(client.isConnected()).isFalse();
        assertThat(receivedText()).doesNotContain(PASSWORD).isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> logged.list.stream()
                        .map(ILoggingEvent::getFormattedMessage)
                        .anyMatch(m -> m.contains(TlsTrust.NOT_SIGNED_BY_PIN)));
    }

    /** The control: the same server with the broker's real chain gets the CONNECT, so the test above can fail. */
    @Test
    void theBrokersOwnChain_isTrusted_andTheConnectArrives() throws Exception {
        serve(leaf, leaf.certificate(), ca.certificate());

        connect(TlsTrust.sha256(ca.certificate()));

        await().atMost(Duration.ofSeconds(60)).until(() -> receivedText().contains(PASSWORD));
    }

    @Test
    void aPinOnNoCertificateOfTheChain_isRefused() throws Exception {
        Issued other = CertificateAuthority.createCa("someone-else");
        X509TrustManager pinned = (X509TrustManager) TlsTrust.trustManagerFactory(
                        new BrokerSettings(null, null, TlsTrust.sha256(other.certificate()), null, null))
                .getTrustManagers()[0];

        assertThatThrownBy(() -> pinned.checkServerTrusted(
                        new X509Certificate[] {leaf.certificate(), ca.certificate()}, "ECDHE_ECDSA"))
                .hasMessageContaining("no certificate in the broker's chain has the SHA-256 fingerprint");
    }

    @Test
    void caFile_fromAnotherBroker_saysWhatToDo() throws Exception {
        Path otherCa = Files.writeString(
                dir.resolve("other-ca.crt"),
                CertificateAuthority.pem(CertificateAuthority.createCa("other").certificate()));
        X509TrustManager trust =
                (X509TrustManager) TlsTrust.trustManagerFactory(new BrokerSettings(null, otherCa, null, null, null))
                        .getTrustManagers()[0];

        assertThatThrownBy(() -> trust.checkServerTrusted(
                        new X509Certificate[] {leaf.certificate(), ca.certificate()}, "ECDHE_ECDSA"))
                .hasMessageStartingWith("the broker's certificate is not signed by the CA given with --ca; pass the "
                        + "broker's ca.crt or --ca-sha256");
    }

    private void connect(String pin) throws Exception {
        BrokerSettings settings = new BrokerSettings(
                new BrokerAddress("localhost", server.getLocalPort(), true), null, pin, "alice", PASSWORD);
        client = new HiveMqConnection(settings, "onair-publisher-alice", null);
        client.start();
    }

    /** A TLS server presenting {@code chain} with {@code key}'s private key, recording what clients send it. */
    private void serve(Issued key, X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] pass = "test".toCharArray();
        store.setKeyEntry("server", key.keyPair().getPrivate(), pass, (Certificate[]) chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, pass);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket)
                tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "pin-test-server");
        accept.setDaemon(true);
        accept.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                handshakesTried.incrementAndGet();
                socket.setSoTimeout(5_000);
                socket.startHandshake();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[1024];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    synchronized (received) {
                        received.write(buffer, 0, n);
                    }
                }
            } catch (SocketTimeoutException e) {
                // The client sent its CONNECT and waits for a CONNACK that never comes: next connection.
            } catch (IOException e) {
                // A refused handshake, or the server closing: next connection, or the end.
            }
        }
    }

    private String receivedText() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger log = (Logger) LoggerFactory.getLogger(MqttConnection.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        return logged;
    }
}
