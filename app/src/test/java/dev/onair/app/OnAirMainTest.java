package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.contract.config.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnAirMainTest {
    @Test
    void help_listsEveryCommand() {
        Output out = run("--help");

        assertThat(out.code).isZero();
        assertThat(out.stdout)
                .contains(
                        "demo",
                        "broker",
                        "certs",
                        "users",
                        "publisher",
                        "set",
                        "display",
                        "bridge",
                        "pi",
                        "healthcheck",
                        "ONAIR_");
    }

    @Test
    void noCommand_printsUsage_exit2() {
        Output out = run();

        assertThat(out.code).isEqualTo(2);
        assertThat(out.stderr).contains("Usage: onair");
    }

    @Test
    void healthcheck_withNothingToCheck_isAConfigurationError() {
        Output out = run("healthcheck");

        assertThat(out.code).isEqualTo(1);
        assertThat(out.stderr).contains("--http or --tls: give at least one");
    }

    @Test
    void healthcheck_badArguments_areAllReported() {
        Output out = run("healthcheck", "--tls", "localhost", "--http", "ftp://x", "--timeout", "0");

        assertThat(out.code).isEqualTo(1);
        assertThat(out.stderr)
                .contains("3 configuration errors")
                .contains("'localhost' is not HOST:PORT")
                .contains("not an http(s) URL")
                .contains("--timeout: 0 must be at least 1");
    }

    @Test
    void healthcheck_nothingListening_exit1() {
        int port = dev.onair.testsupport.FreePorts.one();

        assertThat(run("healthcheck", "--tls", "127.0.0.1:" + port, "--timeout", "2").code)
                .isEqualTo(1);
        assertThat(run("healthcheck", "--http", "http://127.0.0.1:" + port + "/healthz", "--timeout", "2").code)
                .isEqualTo(1);
    }

    @Test
    void hostPort_parsesHostAndPort() {
        assertThat(HealthcheckCommand.hostPort("pi.local:8883").getHostString()).isEqualTo("pi.local");
        assertThat(HealthcheckCommand.hostPort("[::1]:8883").getPort()).isEqualTo(8883);
        assertThatThrownBy(() -> HealthcheckCommand.hostPort("pi.local:70000")).hasMessageContaining("outside 1-65535");
    }

    private record Output(int code, String stdout, String stderr) {}

    private static Output run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Cli.run(new OnAirMain(), args, Map.of());
            return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
