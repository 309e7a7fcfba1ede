package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.runtime.mqtt.TlsTrust;
import java.security.Security;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TLS listener speaks TLS 1.2 and 1.3 only. This JVM re-enables TLS 1.0 and 1.1 for its clients (see
 * legacy-tls-client.security), so a refusal can only come from the broker's own configuration.
 */
class TlsVersionIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @Test
    void testJvm_reallyOffersOldProtocols() {
        assertThat(Security.getProperty("jdk.tls.disabledAlgorithms")).doesNotContain("TLSv1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void modernTls_handshakeSucceeds(String protocol) throws Exception {
        try (SSLSocket socket = socket(protocol)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.1", "TLSv1"})
    void oldTls_isRefused(String protocol) throws Exception {
        try (SSLSocket socket = socket(protocol)) {
            assertThat(socket.getEnabledProtocols()).containsExactly(protocol);
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static SSLSocket socket(String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
                null, TlsTrust.trustManagerFactory(broker.settings(addViewer())).getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", broker.tlsPort());
        socket.setEnabledProtocols(new String[] {protocol});
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static synchronized String addViewer() {
        try {
            broker.password("viewer");
        } catch (IllegalArgumentException none) {
            broker.addUser("viewer", dev.onair.broker.users.Role.VIEWER);
        }
        return "viewer";
    }
}
