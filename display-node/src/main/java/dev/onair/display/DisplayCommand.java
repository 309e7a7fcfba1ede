package dev.onair.display;

import dev.onair.display.history.HistorySettings;
import dev.onair.display.panel.PanelKind;
import dev.onair.display.panel.Rotation;
import dev.onair.display.scene.Animation;
import dev.onair.display.scene.CameraMark;
import dev.onair.display.scene.Layout;
import dev.onair.display.scene.Look;
import dev.onair.display.scene.NightHours;
import dev.onair.protocol.Ids;
import dev.onair.protocol.light.Rgb;
import dev.onair.runtime.config.BrokerOptions;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.ConfigOption;
import dev.onair.runtime.config.Durations;
import dev.onair.runtime.config.VerboseOption;
import dev.onair.runtime.lifecycle.Lifecycle;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code onair display}: runs a display node until stopped. Every option is also an {@code ONAIR_*} environment
 * variable and a YAML key (see display-node/README.md).
 */
@Command(
        name = "display",
        mixinStandardHelpOptions = true,
        description = "Show presence on a Unicorn HAT (or the virtual panel) and serve the dashboard on port 5000.")
public final class DisplayCommand implements Callable<Integer> {
    /** The broker when none is given: the Pi's own, over TLS. */
    static final String DEFAULT_BROKER = "localhost";

    @Option(
            names = "--id",
            paramLabel = "ID",
            description = "Display id, also its MQTT user name (default: ${DEFAULT-VALUE}).")
    String id = DisplayConfig.DEFAULT_ID;

    @Mixin
    BrokerOptions broker = new BrokerOptions();

    @Mixin
    PanelOptions hardware = new PanelOptions();

    @Mixin
    WebOptions web = new WebOptions();

    @Option(
            names = "--brightness",
            paramLabel = "0-255",
            description = "Brightness at start-up (default: ${DEFAULT-VALUE}).")
    int brightness = DisplayConfig.DEFAULT_BRIGHTNESS;

    @Option(
            names = "--night",
            paramLabel = "HH:MM-HH:MM",
            description = "Night hours, local time, e.g. 22:00-07:00 (default: none).")
    String night;

    @Option(
            names = "--night-mode",
            paramLabel = "MODE",
            description = "dim or off during the night hours (default: ${DEFAULT-VALUE}).")
    String nightMode = "dim";

    @Option(
            names = "--night-brightness",
            paramLabel = "0-255",
            description = "Brightness cap while dimmed (default: ${DEFAULT-VALUE}).")
    int nightBrightness = 16;

    @Option(
            names = "--color",
            paramLabel = "KEY=#RRGGBB",
            split = ",",
            description = "Colour for a status or activity, e.g. busy=#FF0000,away=#FFA500.")
    Map<String, String> colors = new LinkedHashMap<>();

    @Option(
            names = "--animation",
            paramLabel = "KEY=ANIM",
            split = ",",
            description = "Animation (solid, pulse, gradient, ripple, spinner) for a status or activity, "
                    + "e.g. in_a_call=ripple.")
    Map<String, String> animations = new LinkedHashMap<>();

    @Option(
            names = "--camera-border",
            paramLabel = "off|#RRGGBB[:WIDTH]",
            description = "Border over the status colour of a person whose camera is on (default: ${DEFAULT-VALUE}).")
    String cameraBorder = "#FF0000:1";

    @Option(
            names = "--people",
            paramLabel = "ID",
            split = ",",
            description = "People shown first, in this order (others follow by id).")
    List<String> people = new ArrayList<>();

    @Option(
            names = "--layout",
            paramLabel = "LAYOUT",
            description = "split (a region per person) or rotate (one at a time) (default: ${DEFAULT-VALUE}).")
    String layout = "split";

    @Option(
            names = "--give-offline-columns",
            description = "With --layout split, people whose publisher is offline give their part of the panel to "
                    + "the others (while anyone is online).")
    boolean giveOfflineColumns;

    @Option(
            names = "--rotate-seconds",
            paramLabel = "DURATION",
            description = "Time per person with --layout rotate: seconds, or a duration such as 1m30s "
                    + "(default: ${DEFAULT-VALUE}).")
    String rotateEvery = Durations.format(DisplayConfig.DEFAULT_ROTATE_EVERY);

    @Option(
            names = "--rainbow-seconds",
            paramLabel = "DURATION",
            description = "Longest start-up rainbow sweep (it ends at the first presence): seconds or a duration; 0 "
                    + "for none (default: ${DEFAULT-VALUE}).")
    String startupRainbow = Durations.format(DisplayConfig.DEFAULT_STARTUP_RAINBOW);

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data folder; presence history is " + HistorySettings.FILE_NAME + " in it (default: "
                    + "${DEFAULT-VALUE}).")
    Path data = Path.of("data");

    @Option(
            names = "--history-days",
            paramLabel = "N",
            description = "Days of presence history kept (default: ${DEFAULT-VALUE}).")
    int historyDays = HistorySettings.DEFAULT_RETENTION_DAYS;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "Time zone of the history's days, e.g. Europe/Berlin (default: the system's).")
    String zone;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ConfigOption config = new ConfigOption("YAML configuration file.");

    @Override
    public Integer call() throws Exception {
        DisplayNode node = new DisplayNode(toConfig());
        Lifecycle lifecycle = new Lifecycle().stopOnShutdown().start(node);
        lifecycle.awaitStop();
        return 0;
    }

    /**
     * Validates every option into a configuration.
     *
     * @throws dev.onair.runtime.config.ConfigException listing every problem
     */
    public DisplayConfig toConfig() {
        ConfigErrors errors = new ConfigErrors();
        BrokerSettings brokerSettings = broker.settings(errors, DEFAULT_BROKER);
        PanelKind kind = errors.check("--panel", () -> PanelKind.parse(hardware.panel));
        Rotation rot = errors.check("--rotation", () -> Rotation.ofDegrees(hardware.rotation));
        errors.require(
                hardware.spiSpeed >= 0 && hardware.spiSpeed <= 32_000_000,
                "--spi-speed: " + hardware.spiSpeed + " is outside 0..32000000");
        errors.require(
                web.httpPort >= 0 && web.httpPort <= 65535, "--http-port: " + web.httpPort + " is outside 0..65535");
        errors.require(
                web.streamsPerAddress >= 1, "--streams-per-address: " + web.streamsPerAddress + " must be at least 1");
        errors.require(brightness >= 0 && brightness <= 255, "--brightness: " + brightness + " is outside 0..255");
        errors.require(
                nightBrightness >= 0 && nightBrightness <= 255,
                "--night-brightness: " + nightBrightness + " is outside 0..255");
        Duration rotate = errors.check("--rotate-seconds", () -> Durations.parsePositive(rotateEvery));
        Duration rainbow = errors.duration("--rainbow-seconds", startupRainbow);
        NightHours.Mode mode = errors.check("--night-mode", () -> NightHours.Mode.parse(nightMode));
        NightHours nightHours = null;
        if (night != null && !night.isBlank() && mode != null && nightBrightness >= 0 && nightBrightness <= 255) {
            nightHours = errors.check("--night", () -> NightHours.parse(night, mode, nightBrightness));
        }
        Layout lay = errors.check("--layout", () -> Layout.parse(layout));
        Map<String, Rgb> colours = new LinkedHashMap<>();
        colors.forEach((key, value) -> {
            errors.check("--color", () -> Look.requireKey(key));
            Rgb rgb = errors.check("--color " + key, () -> Rgb.parseHex(value));
            if (Look.KEYS.contains(key) && rgb != null) {
                colours.put(key, rgb);
            }
        });
        Map<String, Animation> anims = new LinkedHashMap<>();
        animations.forEach((key, value) -> {
            errors.check("--animation", () -> Look.requireKey(key));
            Animation a = errors.check("--animation " + key, () -> Animation.parse(value));
            if (Look.KEYS.contains(key) && a != null) {
                anims.put(key, a);
            }
        });
        for (String p : people) {
            errors.check("--people", () -> Ids.require(p, "person id"));
        }
        CameraMark camera = errors.check("--camera-border", () -> CameraMark.parse(cameraBorder));
        String key = web.apiKey.resolve(errors);
        String finalKey = key == null || key.isBlank() ? null : key;
        errors.require(
                finalKey == null || finalKey.length() >= 8, "--api-key: the API key must be at least 8 characters");
        errors.check("--id", () -> Ids.require(id, "display id"));
        errors.require(historyDays >= 1, "--history-days: " + historyDays + " must be at least 1");
        ZoneId historyZone =
                zone == null || zone.isBlank() ? ZoneId.systemDefault() : errors.check("--zone", () -> zoneOf(zone));
        errors.require(
                web.maxEventStreams >= 1 && web.maxEventStreams <= 100_000,
                "--max-event-streams: " + web.maxEventStreams + " is outside 1..100000");
        errors.throwIfAny();
        WebSettings webSettings =
                new WebSettings(web.httpHost, web.httpPort, finalKey, web.streamsPerAddress, web.maxEventStreams);
        PanelSettings panelSettings =
                new PanelSettings(kind, rot, hardware.spiSpeed, hardware.unicorndSocket, hardware.ledsDevice);
        return new DisplayConfig(
                id,
                brokerSettings,
                broker.topicPrefix(),
                panelSettings,
                webSettings,
                Look.defaults().with(colours, anims).withCamera(camera),
                brightness,
                nightHours,
                people,
                lay,
                rotate,
                rainbow,
                new HistorySettings(data, historyDays, historyZone, HistorySettings.DEFAULT_TICK),
                giveOfflineColumns);
    }

    private static ZoneId zoneOf(String name) {
        try {
            return ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + name + "' is not a time zone such as Europe/Berlin or UTC");
        }
    }
}
