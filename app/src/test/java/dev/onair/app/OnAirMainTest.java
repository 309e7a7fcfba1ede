package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.testsupport.CliCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(out.stderr).contains("--http, --tls or --health-file: give at least one");
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
    void healthcheck_healthFile_passesWhileFresh_failsWhenOldOrMissing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("healthy");

        Output missing = run("healthcheck", "--health-file", file.toString());
        Files.writeString(file, "now\n");
        Output fresh = run("healthcheck", "--health-file", file.toString(), "--max-age", "30");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        Output old = run("healthcheck", "--health-file", file.toString(), "--max-age", "30");

        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.stderr).contains("missing");
        assertThat(fresh.code).isZero();
        assertThat(old.code).isEqualTo(1);
        assertThat(old.stderr).contains("more than 30 s");
    }

    @Test
    void hostPort_parsesHostAndPort() {
        assertThat(HealthcheckCommand.hostPort("pi.local:8883").getHostString()).isEqualTo("pi.local");
        assertThat(HealthcheckCommand.hostPort("[::1]:8883").getPort()).isEqualTo(8883);
        assertThatThrownBy(() -> HealthcheckCommand.hostPort("pi.local:70000")).hasMessageContaining("outside 1-65535");
    }

    private record Output(int code, String stdout, String stderr) {}

    private static Output run(String... args) {
        CliCapture c = CliCapture.run(new OnAirMain(), Map.of(), args);
        return new Output(c.exitCode(), c.out(), c.err());
    }
}
