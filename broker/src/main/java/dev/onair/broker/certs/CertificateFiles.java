package dev.onair.broker.certs;

import dev.onair.runtime.mqtt.TlsTrust;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * The files {@code onair certs} writes into a certificates folder, and where the broker finds them.
 *
 * <ul>
 *   <li>{@code ca.crt}: the CA certificate, for every client (mosquitto_sub, Home Assistant, the work PC)
 *   <li>{@code ca.key}: the CA's private key (0600), only to issue a new server certificate later
 *   <li>{@code server.crt}, {@code server.key} (0600): PEM, for mosquitto or another broker
 *   <li>{@code server.p12} (0600): PKCS12 keystore with the server key and chain, for the OnAir broker
 * </ul>
 */
public final class CertificateFiles {
    public static final String CA_CRT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String SERVER_CRT = "server.crt";
    public static final String SERVER_KEY = "server.key";
    public static final String SERVER_P12 = "server.p12";

    /**
     * The PKCS12 password {@code onair certs} uses. It is not a secret: like {@code server.key}, the keystore is
     * protected by its 0600 file permissions. Java needs some password; a different one can be set with {@code
     * --keystore-password}.
     */
    public static final String DEFAULT_KEYSTORE_PASSWORD = "onair";

    /** Where {@code onair certs} writes and the broker reads by default. */
    public static final Path DEFAULT_DIR = Path.of("certs");

    /** The alias of the server key in {@code server.p12}. */
    public static final String KEY_ALIAS = "onair-broker";

    private CertificateFiles() {}

    /** What was written, for the command's output. */
    public record Written(Path dir, String caSha256, List<String> dnsNames, List<String> ipAddresses) {}

    /**
     * Creates a new CA and a server certificate for {@code host} and writes every file into {@code dir} (created if
     * missing; existing files are replaced).
     */
    public static Written create(Path dir, String host, List<String> ips, String keystorePassword)
            throws IOException, GeneralSecurityException {
        CertificateAuthority.Issued ca = CertificateAuthority.createCa(host);
        CertificateAuthority.Issued server = CertificateAuthority.issueServer(ca, host, ips);
        Files.createDirectories(dir);
        writePublic(dir.resolve(CA_CRT), CertificateAuthority.pem(ca.certificate()));
        writeSecret(dir.resolve(CA_KEY), pkcs8(ca.keyPair().getPrivate()).getBytes(StandardCharsets.US_ASCII));
        writePublic(
                dir.resolve(SERVER_CRT),
                CertificateAuthority.pem(server.certificate()) + CertificateAuthority.pem(ca.certificate()));
        writeSecret(
                dir.resolve(SERVER_KEY), pkcs8(server.keyPair().getPrivate()).getBytes(StandardCharsets.US_ASCII));

        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry(KEY_ALIAS, server.keyPair().getPrivate(), keystorePassword.toCharArray(), new Certificate[] {
            server.certificate(), ca.certificate()
        });
        Path p12File = dir.resolve(SERVER_P12);
        try (OutputStream out = openSecret(p12File)) {
            p12.store(out, keystorePassword.toCharArray());
        }
        return new Written(
                dir,
                TlsTrust.sha256(ca.certificate()),
                CertificateAuthority.dnsNames(host),
                CertificateAuthority.ipAddresses(ips));
    }

    private static String pkcs8(PrivateKey key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        }
        return out.toString();
    }

    private static void writePublic(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static void writeSecret(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = openSecret(file)) {
            out.write(bytes);
        }
    }

    /** Opens {@code file} for writing with owner-only permissions set before any byte is written. */
    public static OutputStream openSecret(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
