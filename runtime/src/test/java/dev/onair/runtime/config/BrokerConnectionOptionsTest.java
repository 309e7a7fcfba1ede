package dev.onair.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class BrokerConnectionOptionsTest {
    /** A second broker's set, as the bridge's Home Assistant broker: the same options under a prefix. */
    static final class OtherBroker extends BrokerConnectionOptions {
        OtherBroker() {
            super(
                    "other-",
                    Map.of(
                            Part.BROKER, "The other broker.",
                            Part.CA, "Its CA.",
                            Part.CA_SHA256, "Its CA's fingerprint.",
                            Part.USER, "User there.",
                            Part.PASSWORD, "Password there.",
                            Part.PASSWORD_FILE, "Password file there."));
        }
    }

    @Command(name = "node")
    static final class Node {
        @Mixin
        BrokerOptions broker;

        @Mixin
        OtherBroker other;
    }

    @Test
    void eachSet_takesItsOwnOptions_fromFlagsAndTheEnvironment() {
        Node node = new Node();
        CommandLine cli = Cli.commandLine(node);
        cli.setDefaultValueProvider(new OnAirDefaults(ConfigFile.empty(), Map.of("ONAIR_OTHER_USER", "bob")));

        cli.parseArgs("--broker", "pi", "--user", "alice", "--other-broker", "mqtt://ha", "--other-ca", "ha.crt");

        assertThat(node.broker.connection()).isEqualTo(new BrokerConnection("", "pi", null, null, "alice", null, null));
        assertThat(node.other.connection())
                .isEqualTo(new BrokerConnection("other-", "mqtt://ha", Path.of("ha.crt"), null, "bob", null, null));
    }

    @Test
    void help_listsEverySet_withItsOwnText() {
        String help = Cli.commandLine(new Node()).getUsageMessage();

        assertThat(help)
                .contains("--broker=URL", "Broker: mqtts://host[:port]", "--password-file=FILE")
                .contains("--other-broker=URL", "The other broker.", "--other-ca-sha256=HEX", "Its CA's fingerprint.")
                .contains("--other-password-file=FILE", "Password file there.");
    }
}
