package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.runtime.config.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onair display} through the shared command-line runner: YAML, environment, flags, exit codes. */
class DisplayMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badValuesFromYamlAndEnvironment_areAllListed_exitCode1() throws Exception {
        Path yaml = dir.resolve("onair.yaml");
        Files.writeString(yaml, "display:\n  panel: lcd\n  color: {lunch: \"#FFFFFF\"}\n  night: late\n");

        int code = Cli.run(
                new DisplayMain(),
                new String[] {"display", "--config", yaml.toString(), "--rotation", "45"},
                Map.of("ONAIR_BRIGHTNESS", "999"));

        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .contains("--panel: panel 'lcd'")
                .contains("--color: 'lunch'")
                .contains("--night: night hours 'late'")
                .contains("--rotation: rotation 45")
                .contains("--brightness: 999");
    }

    @Test
    void unknownYamlKey_isRefused() throws Exception {
        Path yaml = dir.resolve("onair.yaml");
        Files.writeString(yaml, "display:\n  brightnes: 10\n");

        int code = Cli.run(new DisplayMain(), new String[] {"display", "--config", yaml.toString()}, Map.of());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("unknown key 'display.brightnes'");
    }
}
