package dev.onair.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A command's own per-user file is its --config when none is named; variables and flags still win over it. */
class UserConfigTest {
    @Command(
            name = "onair",
            subcommands = {Own.class, Other.class})
    static class Top {}

    /** A command with a per-user file: {@code own.yaml} in the folder ONAIR_TEST_HOME names. */
    @Command(name = "own", subcommands = Other.class)
    static class Own implements Callable<Integer>, UserConfig {
        static Own last;

        @Option(names = "--person")
        String person;

        @Option(names = "--broker")
        String broker;

        @Option(names = "--config")
        Path config;

        Path read;
        boolean byDefault;

        @Override
        public Path userConfigFile(Map<String, String> env) {
            return Path.of(env.get("ONAIR_TEST_HOME"), "own.yaml");
        }

        @Override
        public void configRead(Path file, boolean byDefault) {
            this.read = file;
            this.byDefault = byDefault;
        }

        @Override
        public Integer call() {
            last = this;
            return 0;
        }
    }

    /** A command without one (like {@code onair publisher install}). */
    @Command(name = "other")
    static class Other implements Callable<Integer> {
        static Other last;

        @Option(names = "--person")
        String person;

        @Override
        public Integer call() {
            last = this;
            return 0;
        }
    }

    @TempDir
    Path dir;

    @Test
    void noConfigGiven_theCommandsOwnFileIsRead_andItIsToldSo() throws Exception {
        Path own = Files.writeString(dir.resolve("own.yaml"), "person: alice\nbroker: pi.local\n");

        assertThat(Cli.run(new Top(), new String[] {"own"}, Map.of("ONAIR_TEST_HOME", dir.toString())))
                .isZero();

        assertThat(Own.last.person).isEqualTo("alice");
        assertThat(Own.last.broker).isEqualTo("pi.local");
        assertThat(Own.last.read).isEqualTo(own);
        assertThat(Own.last.byDefault).isTrue();
    }

    @Test
    void flagsAndVariables_winOverTheOwnFile() throws Exception {
        Files.writeString(dir.resolve("own.yaml"), "person: alice\nbroker: pi.local\n");

        Cli.run(
                new Top(),
                new String[] {"own", "--person=bob"},
                Map.of("ONAIR_TEST_HOME", dir.toString(), "ONAIR_BROKER", "other.local"));

        assertThat(Own.last.person).isEqualTo("bob");
        assertThat(Own.last.broker).isEqualTo("other.local");
    }

    @Test
    void configOrOnairConfig_winOverTheOwnFile() throws Exception {
        Files.writeString(dir.resolve("own.yaml"), "person: alice\n");
        Path given = Files.writeString(dir.resolve("given.yaml"), "person: carol\n");
        Map<String, String> env = Map.of("ONAIR_TEST_HOME", dir.toString());

        Cli.run(new Top(), new String[] {"own", "--config", given.toString()}, env);
        assertThat(Own.last.person).isEqualTo("carol");
        assertThat(Own.last.read).isEqualTo(given);
        assertThat(Own.last.byDefault).isFalse();

        Cli.run(
                new Top(),
                new String[] {"own"},
                Map.of("ONAIR_TEST_HOME", dir.toString(), "ONAIR_CONFIG", given.toString()));
        assertThat(Own.last.person).isEqualTo("carol");
    }

    @Test
    void noOwnFile_nothingIsRead_andNoError() throws Exception {
        assertThat(Cli.run(new Top(), new String[] {"own"}, Map.of("ONAIR_TEST_HOME", dir.toString())))
                .isZero();

        assertThat(Own.last.person).isNull();
        assertThat(Own.last.read).isNull();
    }

    @Test
    void aSubcommandWithoutOne_doesNotReadItsParentsFile() throws Exception {
        Files.writeString(dir.resolve("own.yaml"), "person: alice\n");

        assertThat(Cli.run(new Top(), new String[] {"own", "other"}, Map.of("ONAIR_TEST_HOME", dir.toString())))
                .isZero();

        assertThat(Other.last.person).isNull();
    }
}
