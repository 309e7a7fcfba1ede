package dev.onair.bridge;

import dev.onair.bridge.discovery.Cleaner;
import dev.onair.bridge.health.HealthFile;
import dev.onair.bridge.ntfy.NtfyConfig;
import dev.onair.protocol.Ids;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.config.BrokerOptions;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.ConfigOption;
import dev.onair.runtime.config.Durations;
import dev.onair.runtime.config.SecretOptions;
import dev.onair.runtime.config.VerboseOption;
import dev.onair.runtime.lifecycle.Lifecycle;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./onair bridge}: announces OnAir's people and displays to Home Assistant. Every option is also an
 * {@code ONAIR_*} environment variable and a YAML key (see ha-bridge/README.md).
 */
@Command(
        name = "bridge",
        mixinStandardHelpOptions = true,
        description = "Home Assistant bridge: MQTT discovery for people and displays, two-broker mirroring, ntfy.")
public final class BridgeCommand implements Callable<Integer> {
    /** Where the bridge looks for the OnAir broker when --broker is not given: it usually runs on the Pi. */
    public static final String DEFAULT_BROKER = "mqtts://localhost:8883";

    @Mixin
    BrokerOptions broker;

    @Mixin
    HaBrokerOptions haBroker;

    /** How often the health file is rewritten; onair healthcheck's --max-age default is three times this. */
    static final Duration HEALTH_INTERVAL = Duration.ofSeconds(10);

    @Mixin
    ConfigOption config = new ConfigOption("YAML configuration file.");

    @Mixin
    VerboseOption verbose;

    @Option(
            names = "--discovery-prefix",
            paramLabel = "PREFIX",
            description = "Home Assistant's discovery prefix (default: ${DEFAULT-VALUE}).")
    String discoveryPrefix = Topics.DEFAULT_DISCOVERY_PREFIX;

    @Option(
            names = "--people",
            paramLabel = "LIST",
            split = ",",
            description = "People to announce even before they publish: id, Name, or id=Name, comma-separated.")
    List<String> people = new ArrayList<>();

    @Option(
            names = "--displays",
            paramLabel = "LIST",
            split = ",",
            description = "Displays to announce even before they publish: id, Name, or id=Name, comma-separated.")
    List<String> displays = new ArrayList<>();

    @Option(
            names = "--auto-discover",
            negatable = true,
            fallbackValue = "true",
            description = "Also announce people and displays found on the broker (default: ${DEFAULT-VALUE}).")
    boolean autoDiscover = true;

    @Option(
            names = "--gone-after",
            paramLabel = "DURATION",
            description =
                    "Clear an unlisted person or display offline and silent this long (default: ${DEFAULT-VALUE}).")
    String goneAfter = Durations.format(BridgeConfig.DEFAULT_GONE_AFTER);

    @Option(
            names = "--learn-window",
            paramLabel = "DURATION",
            description = "How long start-up listens for earlier retained configs (default: ${DEFAULT-VALUE}).")
    String learnWindow = Durations.format(BridgeConfig.DEFAULT_LEARN_WINDOW);

    @Option(
            names = "--republish-delay",
            paramLabel = "DURATION",
            description = "Longest random delay before republishing when Home Assistant restarts "
                    + "(default: ${DEFAULT-VALUE}).")
    String republishDelay = Durations.format(BridgeConfig.DEFAULT_REPUBLISH_DELAY_MAX);

    @Option(
            names = "--bridge-id",
            paramLabel = "ID",
            description = "This bridge's id, in its availability topic onair/bridge/ID/availability "
                    + "(default: the host name as an id).")
    String bridgeId;

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "MQTT client id (default: onair-bridge-<bridge id>).")
    String clientId;

    @Option(
            names = "--clean",
            description = "Remove every OnAir device from Home Assistant (clear the retained configs) and exit.")
    boolean clean;

    @Option(
            names = "--ntfy-url",
            paramLabel = "URL",
            description = "ntfy server for notifications, e.g. https://ntfy.sh.")
    String ntfyUrl;

    @Option(names = "--ntfy-topic", paramLabel = "TOPIC", description = "ntfy topic to publish to.")
    String ntfyTopic;

    @Mixin
    SecretOptions ntfyToken = new SecretOptions(
            "ntfy-token",
            "TOKEN",
            "ntfy access token (prefer --ntfy-token-file).",
            "File whose first line is the ntfy token.");

    @Option(
            names = "--ntfy-people",
            paramLabel = "IDS",
            split = ",",
            description = "Only notify about these person ids (default: everyone).")
    List<String> ntfyPeople = new ArrayList<>();

    @Option(
            names = "--ntfy-statuses",
            paramLabel = "STATUSES",
            split = ",",
            description = "Only notify when the new status is one of these (default: every change).")
    List<String> ntfyStatuses = new ArrayList<>();

    @Option(
            names = "--health-file",
            paramLabel = "FILE",
            description = "Keep FILE fresh while connected (checked by onair healthcheck --health-file FILE).")
    Path healthFile;

    @Override
    public Integer call() throws Exception {
        BridgeConfig bridge = toConfig();
        if (clean) {
            boolean two = bridge.twoBrokers();
            int cleared = Cleaner.clean(
                    two ? bridge.ha() : bridge.onair(),
                    bridge.clientId() + "-clean",
                    bridge.topics(),
                    bridge.bridgeId(),
                    bridge.learnWindow(),
                    two);
            System.out.println("Cleared " + cleared + " retained OnAir topic(s) from "
                    + (two ? bridge.ha().address() : bridge.onair().address()));
            return 0;
        }
        BridgeNode node = new BridgeNode(bridge);
        Lifecycle lifecycle = new Lifecycle().stopOnShutdown().start(node);
        if (healthFile != null) {
            lifecycle.start(new HealthFile(healthFile, node::isHealthy, HEALTH_INTERVAL, Clock.systemUTC()));
        }
        lifecycle.awaitStop();
        return 0;
    }

    /** Validates every option into a config; all problems at once. */
    public BridgeConfig toConfig() {
        ConfigErrors errors = new ConfigErrors();
        BrokerSettings onair = broker.settings(errors, DEFAULT_BROKER);
        BrokerSettings ha = haBroker.settings(errors);
        Topics topics = errors.check("--discovery-prefix", () -> new Topics(broker.topicPrefix(), discoveryPrefix));
        List<NodeName> peopleList = names("--people", people, errors);
        List<NodeName> displayList = names("--displays", displays, errors);
        Duration gone = errors.duration("--gone-after", goneAfter);
        Duration window = errors.duration("--learn-window", learnWindow);
        Duration delay = errors.duration("--republish-delay", republishDelay);
        NtfyConfig ntfy = ntfy(errors);
        String id = bridgeId == null ? null : errors.check("--bridge-id", () -> Ids.require(bridgeId, "bridge id"));
        errors.throwIfAny();
        BridgeConfig[] out = new BridgeConfig[1];
        errors.check(
                "bridge",
                () -> out[0] = new BridgeConfig(
                        onair,
                        ha,
                        topics,
                        clientId,
                        peopleList,
                        displayList,
                        autoDiscover,
                        gone,
                        window,
                        delay,
                        ntfy,
                        id));
        errors.throwIfAny();
        return out[0];
    }

    private static List<NodeName> names(String option, List<String> entries, ConfigErrors errors) {
        List<NodeName> out = new ArrayList<>();
        for (String e : entries) {
            if (!e.isBlank()) {
                NodeName n = errors.check(option, () -> NodeName.parse(e));
                if (n != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private NtfyConfig ntfy(ConfigErrors errors) {
        boolean any = ntfyUrl != null
                || ntfyTopic != null
                || ntfyToken.anyGiven()
                || !ntfyPeople.isEmpty()
                || !ntfyStatuses.isEmpty();
        if (!any) {
            return null;
        }
        if (ntfyUrl == null || ntfyTopic == null) {
            errors.add("--ntfy-url and --ntfy-topic: notifications need both");
            return null;
        }
        String token = ntfyToken.resolve(errors);
        if (token != null && token.isEmpty()) {
            token = null; // an empty token file means no token
        }
        Set<Status> statuses = new LinkedHashSet<>();
        for (String s : ntfyStatuses) {
            Status status = Status.fromWire(s.trim());
            if (status == null) {
                errors.add("--ntfy-statuses: '" + s + "' is not a status (available, busy, do_not_disturb, "
                        + "be_right_back, away, offline, unknown)");
            } else {
                statuses.add(status);
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String p : ntfyPeople) {
            NodeName n = errors.check("--ntfy-people", () -> NodeName.parse(p));
            if (n != null) {
                ids.add(n.id());
            }
        }
        String finalToken = token;
        return errors.check(
                "--ntfy-url", () -> new NtfyConfig(URI.create(ntfyUrl.trim()), ntfyTopic, finalToken, ids, statuses));
    }
}
