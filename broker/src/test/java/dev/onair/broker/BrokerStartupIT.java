package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.runtime.config.StartupException;
import dev.onair.testsupport.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker refuses to start, in one line saying why, when a TLS listener cannot start; it never runs without TLS. */
class BrokerStartupIT {
    @TempDir
    Path dir;

    private BrokerConfig config;

    @BeforeEach
    void config() throws Exception {
        CertificateFiles.create(dir.resolve("certs"), "localhost", List.of(), "onair");
        int[] ports = FreePorts.several(3);
        config = BrokerConfig.defaults()
                .withCertsDir(dir.resolve("certs"))
                .withUsersFile(dir.resolve("users.yaml"))
                .withDataDir(dir.resolve("data"))
                .withPorts(ports[0], ports[1], ports[2])
                .withMdns(false);
    }

    @Test
    void brokenKeystore_refusesToStart_sayingWhy() throws Exception {
        Files.write(config.keystore(), new byte[] {0x30, 0x03, 0x02, 0x01});
        OnAirBroker broker = new OnAirBroker(config);

        assertThatThrownBy(broker::start)
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("TLS keystore " + config.keystore() + " is not a readable PKCS12 keystore");
        assertPortsFree();
    }

    @Test
    void brokenKeystore_viaCommandLine_exitsWithOneLine() throws Exception {
        Files.writeString(config.keystore(), "garbage");

        CliRun run = CliRun.run(EmbeddedBroker.commandLine(config).toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("onair broker: cannot start: TLS keystore")
                .contains("PKCS12");
        assertPortsFree();
    }

    @Test
    void wrongKeystorePassword_refusesToStart() throws Exception {
        OnAirBroker broker = new OnAirBroker(config.withKeystore(config.keystore(), "not-the-password"));

        assertThatThrownBy(broker::start)
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("wrong keystore password");
        assertPortsFree();
    }

    @Test
    void takenTlsPort_refusesToStart_andLeavesNothingListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(config.tlsPort(), 50, InetAddress.getByName("0.0.0.0"))) {
            OnAirBroker broker = new OnAirBroker(config);

            assertThatThrownBy(broker::start)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
        assertPortsFree();
    }

    @Test
    void takenWebSocketPort_refusesToStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(config.wsPort(), 50, InetAddress.getByName("0.0.0.0"))) {
            OnAirBroker broker = new OnAirBroker(config);
            assertThatThrownBy(broker::start)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("port " + taken.getLocalPort());
        }
        assertPortsFree();
    }

    private void assertPortsFree() throws Exception {
        for (int port : new int[] {config.tlsPort(), config.plainPort(), config.wsPort()}) {
            try (ServerSocket s = new ServerSocket(port, 50, InetAddress.getByName("0.0.0.0"))) {
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
