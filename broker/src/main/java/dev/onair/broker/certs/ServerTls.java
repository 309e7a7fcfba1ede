package dev.onair.broker.certs;

import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.mqtt.TlsTrust;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;

/**
 * The broker's TLS identity, loaded from a PKCS12 keystore: the server-side Netty context (TLS 1.2 and 1.3 only), the
 * certificate chain, and the CA fingerprint that mDNS advertises.
 *
 * @param sslContext Netty's server context for the TLS and secure WebSocket listeners
 * @param chain the server certificate first, then its issuers as stored
 */
public record ServerTls(SslContext sslContext, X509Certificate[] chain) {

    /**
     * Loads {@code keystore} and builds the server context.
     *
     * @throws StartupException with one line saying what is wrong with the keystore and how to fix it
     */
    public static ServerTls load(Path keystore, String password) {
        String fix = " (run ./onair certs --host NAME to make one, or check --keystore and --keystore-password)";
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
        } catch (NoSuchFileException e) {
            throw new StartupException("TLS keystore " + keystore + " does not exist" + fix);
        } catch (IOException e) {
            boolean badPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new StartupException("TLS keystore " + keystore
                    + (badPassword
                            ? " cannot be opened: wrong keystore password"
                            : " is not a readable PKCS12 keystore: " + e.getMessage())
                    + fix);
        } catch (GeneralSecurityException e) {
            throw new StartupException("TLS keystore " + keystore + " is unusable: " + e.getMessage() + fix);
        }
        try {
            String alias = keyAlias(store, keystore);
            Certificate[] certs = store.getCertificateChain(alias);
            X509Certificate[] chain = new X509Certificate[certs.length];
            for (int i = 0; i < certs.length; i++) {
                chain[i] = (X509Certificate) certs[i];
            }
            chain[0].checkValidity();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password.toCharArray());
            SslContext context = SslContextBuilder.forServer(kmf)
                    .sslProvider(SslProvider.JDK)
                    .protocols(TlsTrust.PROTOCOLS)
                    .build();
            return new ServerTls(context, chain);
        } catch (UnrecoverableKeyException e) {
            throw new StartupException(
                    "TLS keystore " + keystore + ": the key cannot be read with the keystore password" + fix);
        } catch (GeneralSecurityException | IOException e) {
            throw new StartupException("TLS keystore " + keystore + " is unusable: " + e.getMessage() + fix);
        }
    }

    private static String keyAlias(KeyStore store, Path keystore) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificateChain(alias) != null) {
                return alias;
            }
        }
        throw new StartupException("TLS keystore " + keystore + " holds no private key with a certificate chain");
    }

    /** The server's own certificate. */
    public X509Certificate serverCertificate() {
        return chain[0];
    }

    /** The top of the chain: the CA clients trust (or the server certificate itself if it is self-signed). */
    public X509Certificate caCertificate() {
        return chain[chain.length - 1];
    }

    /** SHA-256 of the CA certificate, lower-case hex: what {@code --ca-sha256} and the mDNS TXT record carry. */
    public String caSha256() {
        return TlsTrust.sha256(caCertificate());
    }
}
