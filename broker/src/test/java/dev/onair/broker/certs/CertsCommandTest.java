package dev.onair.broker.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.CliRun;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {
    @TempDir
    Path dir;

    @Test
    void certs_writesCaAndServerCert_withSans_andPrintsFingerprint() throws Exception {
        Path out = dir.resolve("certs");

        CliRun run = CliRun.run(
                "certs", "--host", "onair-pi", "--ip", "192.168.1.20", "--ip", "fd00::20", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        X509Certificate ca = TlsTrust.readPem(out.resolve("ca.crt")).get(0);
        List<X509Certificate> serverChain = TlsTrust.readPem(out.resolve("server.crt"));
        X509Certificate server = serverChain.get(0);
        server.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(sans(server))
                .containsExactly(
                        "2:onair-pi",
                        "2:onair-pi.local",
                        "2:localhost",
                        "7:192.168.1.20",
                        "7:fd00:0:0:0:0:0:0:20",
                        "7:127.0.0.1",
                        "7:0:0:0:0:0:0:0:1");
        assertThat(run.out()).contains("CA SHA-256 fingerprint: " + TlsTrust.sha256(ca));
        assertThat(TlsTrust.sha256(ca)).matches("[0-9a-f]{64}");
    }

    @Test
    void certs_keysAreOwnerOnly_andKeystoreOpensWithDefaultPassword() throws Exception {
        Path out = dir.resolve("certs");
        CliRun.run("certs", "--host", "pi", "--out", out.toString());

        for (String secret : List.of("ca.key", "server.key", "server.p12")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(secret))))
                    .as(secret)
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(out.resolve("server.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(out.resolve("server.p12"))) {
            p12.load(in, CertificateFiles.DEFAULT_KEYSTORE_PASSWORD.toCharArray());
        }
        assertThat(p12.getCertificateChain(CertificateFiles.KEY_ALIAS)).hasSize(2);
        ServerTls tls = ServerTls.load(out.resolve("server.p12"), CertificateFiles.DEFAULT_KEYSTORE_PASSWORD);
        assertThat(tls.caSha256())
                .isEqualTo(
                        TlsTrust.sha256(TlsTrust.readPem(out.resolve("ca.crt")).get(0)));
    }

    @Test
    void certs_refusesToReplaceExistingCa_withoutForce() throws Exception {
        Path out = dir.resolve("certs");
        CliRun.run("certs", "--host", "pi", "--out", out.toString());
        String before = Files.readString(out.resolve("ca.crt"));

        CliRun again = CliRun.run("certs", "--host", "pi", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(out.resolve("ca.crt"))).isEqualTo(before);

        CliRun forced = CliRun.run("certs", "--host", "pi", "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("ca.crt"))).isNotEqualTo(before);
    }

    @Test
    void certs_withoutHostAndWithBadIp_reportsBoth() {
        CliRun run = CliRun.run("certs", "--ip", "not-an-ip", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--host: required").contains("'not-an-ip' is not an IP address");
    }

    private static List<String> sans(X509Certificate cert) throws Exception {
        return cert.getSubjectAlternativeNames().stream()
                .map(san -> san.get(0) + ":" + san.get(1))
                .collect(Collectors.toList());
    }
}
