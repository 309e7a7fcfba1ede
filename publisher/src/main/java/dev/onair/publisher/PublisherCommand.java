package dev.onair.publisher;

import dev.onair.protocol.Ids;
import dev.onair.protocol.presence.Presence;
import dev.onair.publisher.PublisherConfig.Source;
import dev.onair.publisher.PublisherConfig.TeamsSettings;
import dev.onair.publisher.http.HttpSettings;
import dev.onair.publisher.http.PullSource.PollSettings;
import dev.onair.publisher.install.InstallCommand;
import dev.onair.publisher.install.StatusCommand;
import dev.onair.publisher.install.UninstallCommand;
import dev.onair.publisher.presence.WorkingHours;
import dev.onair.publisher.setup.SetupCommand;
import dev.onair.publisher.tray.PresenceTray;
import dev.onair.runtime.config.BrokerOptions;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.ConfigOption;
import dev.onair.runtime.config.Durations;
import dev.onair.runtime.config.SecretOptions;
import dev.onair.runtime.config.VerboseOption;
import dev.onair.runtime.lifecycle.Lifecycle;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./onair publisher}: publishes one person's Teams presence to the broker. See publisher/README.md. */
@Command(
        name = "publisher",
        mixinStandardHelpOptions = true,
        subcommands = {SetupCommand.class, InstallCommand.class, UninstallCommand.class, StatusCommand.class},
        description = "Publish a person's Microsoft Teams presence (read from the Teams client's logs) to the OnAir "
                + "broker; or poll another PC's /status (--poll), or take PowerShell pushes (--push-ingress).")
public final class PublisherCommand extends PerUserConfigCommand {
    private static final Logger log = LoggerFactory.getLogger(PublisherCommand.class);

    @Mixin
    ConfigOption config = new ConfigOption(PerUserConfig.HELP);

    @Option(names = "--person", paramLabel = "ID", description = "Person id, e.g. alice (required).")
    String person;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Display name sent with the presence, shown instead of the id, e.g. \"Alice Smith\" "
                    + "(at most 48 characters).")
    String name;

    @Mixin
    BrokerOptions broker = new BrokerOptions();

    @Mixin
    PasswordStoreOption passwordStore = new PasswordStoreOption();

    @Mixin
    TeamsOptions teamsOptions = new TeamsOptions();

    @Option(
            names = "--http-port",
            paramLabel = "N",
            description = "Serve GET /status and GET /health on this port (8080 in the PowerShell era).")
    Integer httpPort;

    @Option(
            names = "--http-bind",
            paramLabel = "ADDR",
            description = "Address the HTTP server listens on (default: ${DEFAULT-VALUE}; 127.0.0.1: this PC only).")
    String httpBind = "0.0.0.0";

    @Option(
            names = "--push-ingress",
            description = "Take POST /status from the PowerShell push client as this person's presence.")
    boolean pushIngress;

    @Mixin
    SecretOptions apiKey = new SecretOptions(
            "api-key",
            "KEY",
            "Key a push must carry (prefer --api-key-file).",
            "File whose first line is the API key.");

    @Option(names = "--poll", paramLabel = "URL", description = "Poll this /status URL instead of reading Teams.")
    String poll;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            description = "How often --poll asks (default: ${DEFAULT-VALUE}).")
    String pollInterval = Durations.format(PollSettings.DEFAULT_INTERVAL);

    @Option(
            names = "--poll-grace",
            paramLabel = "DURATION",
            description = "Offline once --poll got no answer for this long (default: ${DEFAULT-VALUE}).")
    String pollGrace = Durations.format(PollSettings.DEFAULT_GRACE);

    @Option(
            names = "--working-hours",
            paramLabel = "SPEC",
            description = "Offline outside these hours unless overridden, e.g. 'Mon-Fri 08:00-17:30'.")
    String workingHours;

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            description = "Time zone of --working-hours (default: this computer's).")
    String timeZone;

    @Option(names = "--no-tray", description = "No tray icon, even on a desktop.")
    boolean noTray;

    @Option(
            names = "--dashboard-url",
            paramLabel = "URL",
            description = "What the tray's Open dashboard opens (default: http://BROKER_HOST:5000/).")
    String dashboardUrl;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        logConfigRead(log);
        PublisherConfig cfg =
                toConfig(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
        Lifecycle lifecycle = new Lifecycle().stopOnShutdown();
        PublisherNode node = new PublisherNode(cfg);
        if (!noTray) {
            // Quit ends the JVM; the shutdown hook stops the node, so the broker hears "offline" at once.
            PresenceTray tray = new PresenceTray(cfg.person(), node::override, dashboard(cfg), () -> System.exit(0));
            node.onPresence(tray::show);
            lifecycle.start(tray);
        }
        lifecycle.start(node);
        lifecycle.awaitStop();
        return 0;
    }

    /** Validates every option, collecting all errors, and builds the configuration. */
    PublisherConfig toConfig(String osName, Map<String, String> env, Path home) {
        ConfigErrors errors = new ConfigErrors();
        if (person == null || person.isBlank()) {
            errors.add("--person: required, e.g. --person alice (or ONAIR_PERSON)");
        } else {
            errors.check("--person", () -> Ids.require(person, "person id"));
        }
        String displayName = name == null || name.isBlank() ? null : name.strip();
        if (displayName != null) {
            errors.check("--name", () -> Presence.checkName(displayName));
        }
        BrokerSettings settings = passwordStore.apply(errors, broker.settings(errors, null));
        if (poll != null && pushIngress) {
            errors.add("--poll and --push-ingress: choose one presence source");
        }
        Source source = poll != null ? Source.HTTP_PULL : pushIngress ? Source.HTTP_PUSH : Source.TEAMS_LOG;

        TeamsSettings teams = source == Source.TEAMS_LOG ? teamsOptions.settings(errors, osName, env, home) : null;
        PollSettings pollSettings = null;
        if (source == Source.HTTP_PULL) {
            Duration interval = errors.duration("--poll-interval", pollInterval);
            Duration grace = errors.duration("--poll-grace", pollGrace);
            URI url = uri(errors, poll);
            if (url != null && interval != null && grace != null) {
                pollSettings = errors.check("--poll", () -> new PollSettings(url, interval, grace));
            }
        }
        HttpSettings http = null;
        if (httpPort != null || pushIngress) {
            String key = apiKey.resolve(errors);
            int port = httpPort == null ? HttpSettings.DEFAULT_PORT : httpPort;
            http = errors.check(
                    pushIngress ? "--push-ingress" : "--http-port",
                    () -> new HttpSettings(httpBind, port, pushIngress, key));
        } else if (apiKey.anyGiven()) {
            errors.add("--api-key: only used with --push-ingress");
        }
        if (dashboardUrl != null && !dashboardUrl.isBlank()) {
            URI dashboard = errors.check("--dashboard-url", () -> URI.create(dashboardUrl.trim()));
            if (dashboard != null && !"http".equals(dashboard.getScheme()) && !"https".equals(dashboard.getScheme())) {
                errors.add(
                        "--dashboard-url: '" + dashboardUrl + "' is not an http(s) URL such as http://onair-pi:5000/");
            }
        }
        WorkingHours hours = null;
        if (workingHours != null && !workingHours.isBlank()) {
            ZoneId zone = zone(errors);
            if (zone != null) {
                hours = errors.check("--working-hours", () -> WorkingHours.parse(workingHours, zone));
            }
        }
        errors.throwIfAny();
        PollSettings p = pollSettings;
        HttpSettings h = http;
        WorkingHours w = hours;
        PublisherConfig cfg = errors.check(
                "configuration",
                () -> new PublisherConfig(person, settings, broker.topicPrefix(), source, teams, p, h, w, displayName));
        errors.throwIfAny();
        return cfg;
    }

    /** The dashboard the tray opens: --dashboard-url, else the display node's port 5000 on the broker's host. */
    private URI dashboard(PublisherConfig cfg) {
        if (dashboardUrl != null && !dashboardUrl.isBlank()) {
            return URI.create(dashboardUrl.trim());
        }
        return cfg.broker().address() == null
                ? null
                : URI.create("http://" + cfg.broker().address().host() + ":5000/");
    }

    private ZoneId zone(ConfigErrors errors) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            errors.add("--time-zone: '" + timeZone + "' is not a time zone such as Europe/London");
            return null;
        }
    }

    private static URI uri(ConfigErrors errors, String text) {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            errors.add("--poll: '" + text + "' is not a URL such as http://work-pc:8080/status");
            return null;
        }
    }
}
