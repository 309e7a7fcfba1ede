package dev.onair.app;

import dev.onair.bridge.BridgeCommand;
import dev.onair.bridge.BridgeConfig;
import dev.onair.bridge.BridgeNode;
import dev.onair.broker.BrokerCommand;
import dev.onair.broker.BrokerConfig;
import dev.onair.broker.OnAirBroker;
import dev.onair.broker.users.Role;
import dev.onair.display.DisplayCommand;
import dev.onair.display.DisplayConfig;
import dev.onair.display.DisplayNode;
import dev.onair.display.history.HistorySettings;
import dev.onair.runtime.config.ConfigException;
import dev.onair.runtime.config.ConfigFile;
import dev.onair.runtime.config.OnAirDefaults;
import dev.onair.runtime.config.VerboseOption;
import dev.onair.runtime.lifecycle.Lifecycle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code onair pi}: the broker, the display node and the bridge in one JVM, which is what a small Pi can afford.
 * Each part reads the same settings as its own command: the {@code broker:}, {@code display:} and {@code bridge:}
 * sections of the YAML file and the {@code ONAIR_*} variables. The display and the bridge log in with users made in
 * memory at start-up, so the users file only needs the people, Home Assistant and other clients.
 */
@Command(
        name = "pi",
        mixinStandardHelpOptions = true,
        description = {
            "Run the broker, the display node (dashboard on port 5000) and the Home Assistant bridge in one process.",
            "Settings come from the YAML file's broker:, display: and bridge: sections and ONAIR_* variables, as for "
                    + "the separate commands; the display and the bridge need no users in the users file."
        })
public final class PiCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML file with broker:, display: and bridge: sections (keys are those commands' options).")
    Path config;

    @Option(names = "--certs", paramLabel = "DIR", description = "Broker certificates folder (default: certs).")
    String certs;

    @Option(names = "--users", paramLabel = "FILE", description = "Users file (default: users.yaml).")
    String users;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data folder: the broker's persistence and the display's history (default: data).")
    String data;

    @Option(names = "--panel", paramLabel = "PANEL", description = "auto, virtual, hat-hd, hat-mini, unicornd, leds0.")
    String panel;

    @Option(names = "--http-port", paramLabel = "N", description = "Dashboard port (default: 5000).")
    String httpPort;

    @Option(names = "--no-bridge", description = "Run without the Home Assistant bridge.")
    boolean noBridge;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws InterruptedException {
        Parts parts = parts(System.getenv());
        Lifecycle lifecycle = new Lifecycle().stopOnShutdown();
        parts.start(lifecycle);
        lifecycle.awaitStop();
        return 0;
    }

    /** Every part's configuration, validated before anything starts; all problems reported together. */
    Parts parts(Map<String, String> env) {
        // --config, else ONAIR_CONFIG (what the systemd unit and compose set), else nothing.
        String path = config != null ? config.toString() : env.get("ONAIR_CONFIG");
        ConfigFile file = path == null || path.isBlank()
                ? ConfigFile.empty()
                : ConfigFile.load(Path.of(path), List.of("broker", "display", "bridge", "pi"));
        List<String> errors = new ArrayList<>();

        List<String> brokerArgs = new ArrayList<>();
        flag(brokerArgs, "--certs", certs);
        flag(brokerArgs, "--users", users);
        flag(brokerArgs, "--data", data);
        BrokerConfig broker = configure(new BrokerCommand(), file, env, brokerArgs, errors, BrokerCommand::toConfig);

        List<String> displayArgs = new ArrayList<>();
        flag(displayArgs, "--panel", panel);
        flag(displayArgs, "--http-port", httpPort);
        flag(displayArgs, "--data", data);
        DisplayConfig display =
                configure(new DisplayCommand(), file, env, displayArgs, errors, DisplayCommand::toConfig);
        // One data folder on a Pi: unless the display is given a folder of its own, its history file sits beside
        // the broker's files (the broker's data folder may come from the YAML's broker: section).
        if (display != null && broker != null && display.history().dataDir().equals(Path.of("data"))) {
            display = display.withHistory(new HistorySettings(
                    broker.dataDir(),
                    display.history().retentionDays(),
                    display.history().zone(),
                    display.history().tick()));
        }

        BridgeConfig bridge =
                noBridge ? null : configure(new BridgeCommand(), file, env, List.of(), errors, BridgeCommand::toConfig);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new Parts(broker, display, bridge);
    }

    /** The parts of a Pi, and how they start: broker first, so the others find it at once. */
    record Parts(BrokerConfig broker, DisplayConfig display, BridgeConfig bridge) {
        void start(Lifecycle lifecycle) {
            InProcessUsers own = new InProcessUsers();
            String displayUser = own.add("display-" + display.id(), Role.DISPLAY, display.id());
            String bridgeUser = bridge == null ? null : own.add("bridge", Role.BRIDGE, null);
            OnAirBroker onAirBroker = new OnAirBroker(broker, own.users());
            lifecycle.start(onAirBroker);
            String ca = onAirBroker.caSha256();
            lifecycle.start(new DisplayNode(display.withBroker(own.settings(displayUser, broker.tlsPort(), ca))));
            if (bridge != null) {
                lifecycle.start(new BridgeNode(bridge.withOnair(own.settings(bridgeUser, broker.tlsPort(), ca))));
            }
        }
    }

    private static void flag(List<String> args, String name, String value) {
        if (value != null) {
            args.add(name);
            args.add(value);
        }
    }

    /**
     * Fills {@code command}'s options as its own command line would (its YAML section, the environment, then
     * {@code args}) and builds its configuration; problems go to {@code errors}.
     */
    private static <C, T> T configure(
            C command,
            ConfigFile file,
            Map<String, String> env,
            List<String> args,
            List<String> errors,
            java.util.function.Function<C, T> toConfig) {
        CommandLine cli = new CommandLine(command);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setDefaultValueProvider(new OnAirDefaults(file, env));
        try {
            cli.parseArgs(args.toArray(String[]::new));
            return toConfig.apply(command);
        } catch (ParameterException e) {
            errors.add(cli.getCommandName() + ": " + e.getMessage());
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(cli.getCommandName() + ": " + error));
        }
        return null;
    }
}
