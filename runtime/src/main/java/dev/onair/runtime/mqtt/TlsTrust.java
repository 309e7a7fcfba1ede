package dev.onair.runtime.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

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
     * system's trust store. The first two validate with the JDK's PKIX machinery (signatures, validity, basic
     * constraints, key usage, and the host name where the caller asks for it) and say what to do when it refuses.
     */
    public static TrustManagerFactory trustManagerFactory(BrokerSettings settings)
            throws IOException, GeneralSecurityException {
        if (settings.caFile() != null) {
            X509ExtendedTrustManager pkix = pkix(readPem(settings.caFile()));
            return new FixedTrustManagerFactory(new ExplainedTrustManager(pkix, NOT_SIGNED_BY_CA));
        }
        if (settings.caSha256() != null) {
            return new FixedTrustManagerFactory(new PinnedTrustManager(normaliseFingerprint(settings.caSha256())));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return tmf;
    }

    static final String NOT_SIGNED_BY_CA =
            "the broker's certificate is not signed by the CA given with --ca; pass the broker's ca.crt or --ca-sha256";
    static final String NOT_SIGNED_BY_PIN = "the broker's certificate chain does not validate up to the CA pinned with "
            + "--ca-sha256; check the fingerprint (onair certs prints it) or pass the broker's ca.crt "
            + "with --ca";

    /** The JDK's PKIX trust manager with {@code anchors} as its only trust anchors. */
    static X509ExtendedTrustManager pkix(List<X509Certificate> anchors) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new KeyStoreException("cannot create an empty key store", e);
        }
        int i = 0;
        for (X509Certificate cert : anchors) {
            store.setCertificateEntry("ca-" + i++, cert);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new KeyStoreException("the JDK's PKIX trust manager factory returned no X509 trust manager");
    }

    /**
     * Trusts a chain only if one of its certificates has the pinned fingerprint and the JDK's PKIX validation, with
     * that certificate as the only trust anchor, accepts the chain. This lets a work PC trust the Pi's own CA from a
     * fingerprint it was told once (mDNS TXT {@code ca_sha256}), without copying a file, and with every check
     * {@code --ca} makes: a hand-written chain walk accepted a leaf whose key had signed another certificate (issue
     * 11).
     */
    static final class PinnedTrustManager extends ServerTrustManager {
        private final String pin;

        PinnedTrustManager(String pin) {
            this.pin = pin;
        }

        private X509ExtendedTrustManager anchoredOn(X509Certificate[] chain) throws CertificateException {
            for (X509Certificate cert : chain) {
                if (sha256(cert).equals(pin)) {
                    try {
                        return new ExplainedTrustManager(pkix(List.of(cert)), NOT_SIGNED_BY_PIN);
                    } catch (GeneralSecurityException e) {
                        throw new CertificateException("cannot set up PKIX validation on the pinned CA", e);
                    }
                }
            }
            throw new CertificateException("no certificate in the broker's chain has the SHA-256 fingerprint given "
                    + "with --ca-sha256; check the fingerprint or pass the broker's ca.crt with --ca");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            anchoredOn(chain).checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            anchoredOn(chain).checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            anchoredOn(chain).checkServerTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Hands {@link TrustManagerFactory} users a trust manager built here. */
    private static final class FixedTrustManagerFactory extends TrustManagerFactory {
        FixedTrustManagerFactory(TrustManager manager) {
            super(new FixedSpi(manager), null, "onair");
        }
    }

    private static final class FixedSpi extends javax.net.ssl.TrustManagerFactorySpi {
        private final TrustManager[] managers;

        FixedSpi(TrustManager manager) {
            this.managers = new TrustManager[] {manager};
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
