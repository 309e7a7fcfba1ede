package dev.onair.broker.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.runtime.config.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
    @TempDir
    Path dir;

    @Test
    void load_garbageKeystore_failsSayingItIsNotAKeystore() throws Exception {
        Path broken = dir.resolve("server.p12");
        Files.write(broken, "this is not a keystore".getBytes());

        assertThatThrownBy(() -> ServerTls.load(broken, "onair"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("TLS keystore " + broken)
                .hasMessageContaining("not a readable PKCS12 keystore")
                .hasMessageContaining("./onair certs");
    }

    @Test
    void load_wrongPassword_failsSayingSo() throws Exception {
        CertificateFiles.create(dir, "pi", List.of(), "right-password");

        assertThatThrownBy(() -> ServerTls.load(dir.resolve("server.p12"), "wrong-password"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("wrong keystore password");
    }

    @Test
    void load_missingFile_failsSayingHowToMakeOne() {
        assertThatThrownBy(() -> ServerTls.load(dir.resolve("nope.p12"), "onair"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("./onair certs --host NAME");
    }

    @Test
    void load_goodKeystore_restrictsProtocolsToTls12And13() throws Exception {
        CertificateFiles.create(dir, "pi", List.of(), "onair");

        ServerTls tls = ServerTls.load(dir.resolve("server.p12"), "onair");

        assertThat(tls.sslContext()
                        .newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT)
                        .getEnabledProtocols())
                .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(tls.chain()).hasSize(2);
    }
}
