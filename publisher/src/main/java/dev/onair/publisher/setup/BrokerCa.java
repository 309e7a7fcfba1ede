package dev.onair.publisher.setup;

import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The broker's CA certificate as the broker sends it in the TLS handshake, for the person to confirm by its
 * fingerprint (trust on first use, checked by a human against what {@code onair certs} printed on the Pi). Nothing
 * is sent over this connection; the pin is then checked with full PKIX validation by the login that follows.
 */
final class BrokerCa {
    private BrokerCa() {}

    /** The CA certificate at the top of the broker's chain. */
    static X509Certificate fetch(BrokerAddress address, Duration timeout) throws IOException {
        Certificate[] chain;
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new Recording()}, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                socket.setEnabledProtocols(TlsTrust.PROTOCOLS.toArray(String[]::new));
                socket.startHandshake();
                chain = socket.getSession().getPeerCertificates();
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        X509Certificate top = (X509Certificate) chain[chain.length - 1];
        if (top.getBasicConstraints() < 0) {
            throw new IOException("the broker at " + address + " sends no CA certificate in its TLS handshake, only "
                    + top.getSubjectX500Principal().getName() + "; copy the Pi's certs/ca.crt and use --ca instead");
        }
        return top;
    }

    /** {@code ab:cd:...}, in upper case as {@code openssl x509 -fingerprint -sha256} prints it. */
    static String colonHex(X509Certificate cert) {
        String hex = TlsTrust.sha256(cert).toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    /** Takes any chain: here only to read it. What is trusted is decided by the person, then by PKIX. */
    private static final class Recording implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
