package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.health.HealthLogin;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.testsupport.CliCapture;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onair healthcheck --tls} logs in over MQTT (issue 11): healthy only when the broker accepts the login with a
 * CONNACK, not when a TLS handshake merely completes.
 */
class HealthcheckIT {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @Test
    void tls_brokerAcceptsItsHealthLogin_exit0() {
        CliCapture out = run("healthcheck", "--tls", "localhost:" + broker.tlsPort());

        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(out.out()).contains("MQTT login accepted");
        assertThat(HealthLogin.secretFile(broker.tlsPort())).exists();
    }

    @Test
    void tls_wrongPassword_exit1(@TempDir Path dir) throws Exception {
        Path wrong = Files.writeString(dir.resolve("pw"), "not-the-password");

        CliCapture out =
                run("healthcheck", "--tls", "localhost:" + broker.tlsPort(), "--password-file", wrong.toString());

        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.err()).contains("CONNACK refused the login of onair-healthcheck");
    }

    /** What a broker with a broken store looked like: TLS is served, a CONNECT is never answered. */
    @Test
    void tls_handshakeButNoConnack_exit1(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "whatever");
        SSLContext context = SSLContext.getInstance("TLS");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(broker.certsDir().resolve("server.p12"))) {
            keys.load(in, dev.onair.broker.certs.CertificateFiles.DEFAULT_KEYSTORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, dev.onair.broker.certs.CertificateFiles.DEFAULT_KEYSTORE_PASSWORD.toCharArray());
        context.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread silent = new Thread(() -> {
                try (SSLSocket client = (SSLSocket) server.accept()) {
                    client.startHandshake();
                    client.getInputStream().readAllBytes(); // reads the CONNECT, answers nothing
                } catch (Exception e) {
                    // the health check gave up and closed
                }
            });
            silent.setDaemon(true);
            silent.start();

            CliCapture out = run(
                    "healthcheck",
                    "--tls",
                    "127.0.0.1:" + server.getLocalPort(),
                    "--password-file",
                    password.toString(),
                    "--timeout",
                    "2");

            assertThat(out.exitCode()).isEqualTo(1);
            assertThat(out.err()).contains("no CONNACK within 2 s");
        }
    }

    private static CliCapture run(String... args) {
        return CliCapture.run(new OnAirMain(), Map.of(), args);
    }
}
