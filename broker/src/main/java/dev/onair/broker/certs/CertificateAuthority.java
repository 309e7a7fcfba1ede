package dev.onair.broker.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes OnAir's own small PKI: a CA, and a server certificate it signs for the broker's host names and addresses.
 * Keys are ECDSA P-256, which mosquitto, Home Assistant, Paho, HiveMQ and the JDK all accept.
 */
public final class CertificateAuthority {
    /** Ten years: a home CA is replaced by running {@code onair certs} again, not by expiry. */
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);

    /** 825 days, the longest server certificate validity Apple's TLS clients accept. */
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateAuthority() {}

    /** A certificate with its private key. */
    public record Issued(X509Certificate certificate, KeyPair keyPair) {}

    /** Creates a self-signed CA named after {@code host}. */
    public static Issued createCa(String host) {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=OnAir CA (" + host + "),O=OnAir");
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            name,
                            serial(),
                            Date.from(now.minus(Duration.ofHours(1))),
                            Date.from(now.plus(CA_VALIDITY)),
                            name,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(sign(builder, keys), keys);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the CA certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Issues a TLS server certificate signed by {@code ca}, valid for {@code host}, {@code host.local}, every address
     * in {@code ips}, {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
     */
    public static Issued issueServer(Issued ca, String host, List<String> ips) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            ca.certificate(),
                            serial(),
                            Date.from(now.minus(Duration.ofHours(1))),
                            Date.from(now.plus(SERVER_VALIDITY)),
                            new X500Name("CN=" + host + ",O=OnAir"),
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(host, ips))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            ext.createAuthorityKeyIdentifier(ca.certificate()));
            return new Issued(sign(builder, ca.keyPair()), keys);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the server certificate: " + e.getMessage(), e);
        }
    }

    /** The DNS names a server certificate for {@code host} carries, in order. */
    public static List<String> dnsNames(String host) {
        Set<String> names = new LinkedHashSet<>();
        String h = host.toLowerCase(Locale.ROOT);
        names.add(h);
        if (!h.endsWith(".local") && !h.contains(".") && !h.equals("localhost")) {
            names.add(h + ".local");
        }
        names.add("localhost");
        return List.copyOf(names);
    }

    /** The IP addresses a server certificate carries: the given ones, then the loopback addresses. */
    public static List<String> ipAddresses(List<String> ips) {
        Set<String> all = new LinkedHashSet<>();
        for (String ip : ips) {
            all.add(requireIp(ip));
        }
        all.add("127.0.0.1");
        all.add("::1");
        return List.copyOf(all);
    }

    /**
     * Returns {@code text} if it is a literal IPv4 or IPv6 address (never resolved through DNS).
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireIp(String text) {
        String t = text == null ? "" : text.trim();
        boolean literal = t.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (t.contains(":") && t.matches("[0-9a-fA-F:.]+"));
        if (literal) {
            try {
                return InetAddress.getByName(t).getHostAddress();
            } catch (UnknownHostException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address (use e.g. 192.168.1.20)");
    }

    /** PEM text of a certificate or key. */
    public static String pem(Object certOrKey) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certOrKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static GeneralNames subjectAltNames(String host, List<String> ips) {
        List<GeneralName> names = new ArrayList<>();
        for (String dns : dnsNames(host)) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        for (String ip : ipAddresses(ips)) {
            names.add(new GeneralName(GeneralName.iPAddress, ip));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is always available in Java 17", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
