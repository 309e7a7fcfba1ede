package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrokerCommandTest {
    @Test
    void badPorts_areAllReported_andExitCodeIs1() {
        CliRun run = CliRun.run("broker", "--tls-port", "0", "--port", "70000", "--ws-port", "-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("3 configuration errors")
                .contains("--tls-port: 0 is not a port")
                .contains("--port: 70000 is not a port")
                .contains("--ws-port: -1 is not a port");
    }

    @Test
    void missingKeystore_refusesToStart_inOneLine() {
        CliRun run = CliRun.run("broker", "--certs", "/nonexistent-onair-certs", "--no-mdns");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo(
                        "onair broker: cannot start: TLS keystore /nonexistent-onair-certs/server.p12 does not exist "
                                + "(run ./onair certs --host NAME to make one, or check --keystore and --keystore-password)");
    }

    @Test
    void defaults_matchTheContractPorts_withPlainOnLoopback() {
        BrokerConfig cfg = new BrokerCommand().toConfig();

        assertThat(cfg.tlsPort()).isEqualTo(8883);
        assertThat(cfg.plainPort()).isEqualTo(1883);
        assertThat(cfg.plainBind()).isEqualTo("127.0.0.1");
        assertThat(cfg.wsPort()).isEqualTo(8884);
        assertThat(cfg.mdns()).isTrue();
    }
}
