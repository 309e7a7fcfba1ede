package dev.onair.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SecretOptionsTest {
    /** A mixin that carries a secret of its own, as the display's dashboard options carry --api-key. */
    static final class Web {
        @Mixin
        SecretOptions apiKey = new SecretOptions("api-key", "KEY", "The key.", "File whose first line is the key.");
    }

    @Command(name = "node")
    static final class Node {
        @Mixin
        Web web = new Web();

        @Mixin
        SecretOptions token = new SecretOptions("token", "TOKEN", "A token.", "File whose first line is the token.");
    }

    @TempDir
    Path tmp;

    @Test
    void eachSecret_isReadInline_fromItsFile_orFromTheEnvironment() throws Exception {
        Node node = new Node();
        CommandLine cli = Cli.commandLine(node);
        cli.setDefaultValueProvider(new OnAirDefaults(ConfigFile.empty(), Map.of("ONAIR_API_KEY", "from-env")));
        Path file = Files.writeString(tmp.resolve("token"), "s3cret\nsecond line\n");

        cli.parseArgs("--token-file", file.toString());

        ConfigErrors errors = new ConfigErrors();
        assertThat(node.token.resolve(errors)).isEqualTo("s3cret");
        assertThat(node.web.apiKey.resolve(errors)).isEqualTo("from-env");
        assertThat(errors.all()).isEmpty();
    }

    @Test
    void bothForms_areOneError_namingBoth() {
        Node node = new Node();
        Cli.commandLine(node)
                .parseArgs("--token", "a", "--token-file", tmp.resolve("t").toString());

        ConfigErrors errors = new ConfigErrors();
        node.token.resolve(errors);

        assertThat(errors.all()).contains("--token and --token-file: give one, not both");
        assertThat(node.web.apiKey.anyGiven()).isFalse();
    }

    @Test
    void help_listsBothOptions_ofEverySecret() {
        assertThat(Cli.commandLine(new Node()).getUsageMessage())
                .contains("--api-key=KEY", "The key.", "--api-key-file=FILE", "File whose first line is the key.")
                .contains("--token=TOKEN", "A token.", "--token-file=FILE", "File whose first line is the token.");
    }
}
