package dev.onair.app;

import dev.onair.bridge.BridgeCommand;
import dev.onair.bridge.BridgeConfig;
import dev.onair.bridge.BridgeNode;
import dev.onair.broker.BrokerCommand;
import dev.onair.broker.BrokerConfig;
import dev.onair.broker.OnAirBroker;
import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.users.Role;
import dev.onair.display.DisplayCommand;
import dev.onair.display.DisplayConfig;
import dev.onair.display.DisplayNode;
import dev.onair.display.PanelSettings;
import dev.onair.display.WebSettings;
import dev.onair.display.history.HistorySettings;
import dev.onair.display.panel.PanelKind;
import dev.onair.runtime.config.Cli;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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

    // Overrides of what the broker: and display: sections say; null when not given.
    @Option(names = "--certs", paramLabel = "DIR", description = "Broker certificates folder (default: certs).")
    Path certs;

    @Option(names = "--users", paramLabel = "FILE", description = "Users file (default: users.yaml).")
    Path users;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data folder: the broker's persistence and the display's history (default: data).")
    Path data;

    @Option(names = "--panel", paramLabel = "PANEL", description = "auto, virtual, hat-hd, hat-mini, unicornd, leds0.")
    String panel;

    @Option(names = "--http-port", paramLabel = "N", description = "Dashboard port (default: 5000).")
    Integer httpPort;

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

        BrokerConfig broker = configure(new BrokerCommand(), file, env, errors, BrokerCommand::toConfig);
        DisplayConfig display = configure(new DisplayCommand(), file, env, errors, DisplayCommand::toConfig);
        BridgeConfig bridge =
                noBridge ? null : configure(new BridgeCommand(), file, env, errors, BridgeCommand::toConfig);
        broker = override(broker, "broker", errors, this::brokerFlags);
        display = override(display, "display", errors, this::displayFlags);
        // One data folder on a Pi: unless the display is given a folder of its own, its history file sits beside
        // the broker's files (the broker's data folder may come from the YAML's broker: section or --data).
        if (display != null && broker != null && display.history().dataDir().equals(Path.of("data"))) {
            HistorySettings h = display.history();
            display = display.withHistory(new HistorySettings(broker.dataDir(), h.retentionDays(), h.zone(), h.tick()));
        }
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

    private BrokerConfig brokerFlags(BrokerConfig broker) {
        BrokerConfig b = broker;
        if (certs != null) {
            b = b.withKeystore(certs.resolve(CertificateFiles.SERVER_P12), b.keystorePassword());
        }
        if (users != null) {
            b = b.withUsersFile(users);
        }
        if (data != null) {
            b = b.withDataDir(data);
        }
        return b;
    }

    private DisplayConfig displayFlags(DisplayConfig display) {
        DisplayConfig d = display;
        if (panel != null) {
            PanelSettings p = display.panel();
            PanelKind kind = flag("--panel", () -> PanelKind.parse(panel));
            d = d.withPanel(new PanelSettings(kind, p.rotation(), p.spiSpeedHz(), p.unicorndSocket(), p.ledsDevice()));
        }
        if (httpPort != null) {
            WebSettings w = display.web();
            // withPort keeps every other web setting (the 4-argument constructor reset --max-event-streams).
            d = d.withWeb(flag("--http-port", () -> w.withPort(httpPort)));
        }
        return d;
    }

    private static <T> T flag(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** Applies this command's own flags to a part's configuration; a bad one is an error of that part. */
    private static <T> T override(T config, String part, List<String> errors, UnaryOperator<T> flags) {
        if (config == null) {
            return null;
        }
        try {
            return flags.apply(config);
        } catch (IllegalArgumentException e) {
            errors.add(part + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Fills {@code command}'s options as its own command line would from its YAML section and the environment, and
     * calls its config mapper; problems go to {@code errors}.
     */
    private static <C, T> T configure(
            C command,
            ConfigFile file,
            Map<String, String> env,
            List<String> errors,
            java.util.function.Function<C, T> toConfig) {
        CommandLine cli = Cli.commandLine(command);
        cli.setDefaultValueProvider(new OnAirDefaults(file, env));
        try {
            cli.parseArgs();
            return toConfig.apply(command);
        } catch (ParameterException e) {
            errors.add(cli.getCommandName() + ": " + e.getMessage());
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(cli.getCommandName() + ": " + error));
        }
        return null;
    }
}
