package dev.onair.app;

import dev.onair.bridge.BridgeCommand;
import dev.onair.broker.BrokerCommand;
import dev.onair.broker.certs.CertsCommand;
import dev.onair.broker.users.UsersCommand;
import dev.onair.display.DisplayCommand;
import dev.onair.publisher.PublisherCommand;
import dev.onair.publisher.SetCommand;
import dev.onair.runtime.config.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./onair}: every OnAir command in one jar. */
@Command(
        name = "onair",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        subcommands = {
            DemoCommand.class,
            BrokerCommand.class,
            CertsCommand.class,
            UsersCommand.class,
            PublisherCommand.class,
            SetCommand.class,
            DisplayCommand.class,
            BridgeCommand.class,
            PiCommand.class,
            HealthcheckCommand.class
        },
        description = {
            "OnAir: Microsoft Teams presence on an LED panel by the door, over MQTT.",
            "",
            "Try it: ./onair demo (everything on this machine, dashboard on http://localhost:5000).",
            "On the Pi: ./onair pi (broker, display and bridge in one process), or the separate commands.",
            "On the work PC: ./onair publisher setup once, then ./onair publisher (it reads what setup wrote).",
            ""
        },
        footer = {
            "",
            "Every option is also an ONAIR_* environment variable (--tls-port is ONAIR_TLS_PORT) and a key in the "
                    + "--config YAML file; flags win over variables, variables over the file. "
                    + "Run ./onair COMMAND --help for a command's options."
        })
public final class OnAirMain implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Cli.main(new OnAirMain(), args);
    }

    /** Without a command there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }
}
