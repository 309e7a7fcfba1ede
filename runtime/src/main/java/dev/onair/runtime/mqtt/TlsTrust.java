package dev.onair.runtime.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the trust a node puts in its broker: a CA file, a pinned CA fingerprint, or the system's CAs. */
public final class TlsTrust {
    /** TLS 1.2 and 1.3 only (CONTRACT.md section 8). */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsTrust() {}

    /** Reads every certificate in a PEM file. */
    public static List<X509Certificate> readPem(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate in " + file);
            }
            return certs;
        }
    }

    /** The SHA-256 fingerprint of a certificate, lower-case hex without separators. */
    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Normalises a fingerprint as users paste it: colons and spaces removed, lower case. */
    public static String normaliseFingerprint(String fingerprint) {
        return fingerprint.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised fingerprint looks like SHA-256. */
    public static boolean isSha256(String fingerprint) {
        return fingerprint != null && normaliseFingerprint(fingerprint).matches("[0-9a-f]{64}");
    }

    /**
     * The trust managers for {@code settings}: the CA file when given, else a pin on the CA fingerprint, else the
     * system's trust store.
     */
    public static TrustManagerFactory trustManagerFactory(BrokerSettings settings)
            throws IOException, GeneralSecurityException {
        if (settings.caFile() != null) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate cert : readPem(settings.caFile())) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        }
        if (settings.caSha256() != null) {
            return new PinnedTrustManagerFactory(normaliseFingerprint(settings.caSha256()));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return tmf;
    }

    /**
     * Trusts a chain only if one of its certificates has the pinned fingerprint and the chain verifies up to it. This
     * lets a work PC trust the Pi's own CA from a fingerprint it was told once, without copying a file.
     */
    static final class PinnedTrustManager implements X509TrustManager {
        private final String pin;

        PinnedTrustManager(String pin) {
            this.pin = pin;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            for (int i = 0; i < chain.length; i++) {
                if (sha256(chain[i]).equals(pin)) {
                    verifyUpTo(chain, i);
                    return;
                }
            }
            throw new CertificateException("no certificate in the broker's chain has the pinned SHA-256 fingerprint");
        }

        private static void verifyUpTo(X509Certificate[] chain, int anchor) throws CertificateException {
            try {
                for (int i = 0; i < anchor; i++) {
                    chain[i].checkValidity();
                    chain[i].verify(chain[i + 1].getPublicKey());
                }
                chain[anchor].checkValidity();
            } catch (GeneralSecurityException e) {
                throw new CertificateException("the broker's chain does not verify up to the pinned CA", e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static final class PinnedTrustManagerFactory extends TrustManagerFactory {
        PinnedTrustManagerFactory(String pin) {
            super(new PinnedSpi(pin), null, "onair-pinned");
        }
    }

    private static final class PinnedSpi extends javax.net.ssl.TrustManagerFactorySpi {
        private final TrustManager[] managers;

        PinnedSpi(String pin) {
            this.managers = new TrustManager[] {new PinnedTrustManager(pin)};
        }

        @Override
        protected void engineInit(KeyStore ks) {}

        @Override
        protected void engineInit(javax.net.ssl.ManagerFactoryParameters spec) {}

        @Override
        protected TrustManager[] engineGetTrustManagers() {
            return managers.clone();
        }
    }
}
