package dev.onair.display;

import dev.onair.display.history.Change;
import dev.onair.display.history.HistoryReader;
import dev.onair.display.history.HistoryRoutes;
import dev.onair.display.history.HistorySettings;
import dev.onair.display.history.HistoryWriter;
import dev.onair.display.history.PersonState;
import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Panel;
import dev.onair.display.panel.PanelHealth;
import dev.onair.display.scene.LightControl;
import dev.onair.display.scene.People;
import dev.onair.display.scene.PersonView;
import dev.onair.display.scene.Region;
import dev.onair.display.scene.SceneRenderer;
import dev.onair.display.web.DashboardModel;
import dev.onair.display.web.DashboardServer;
import dev.onair.display.web.EventHub;
import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.light.LightCommand;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.lifecycle.Component;
import dev.onair.runtime.lifecycle.Lifecycle;
import dev.onair.runtime.mqtt.HiveMqConnection;
import dev.onair.runtime.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The display node: subscribes to every person's presence and availability and to its own {@code set} topic, drives
 * the panel, serves the dashboard, and publishes its light state (CONTRACT.md sections 2, 5, 6, 9).
 *
 * <pre>{@code
 * DisplayNode display = new DisplayNode(DisplayConfig.defaults(broker).withPanel(PanelSettings.of(PanelKind.VIRTUAL)));
 * new Lifecycle().stopOnShutdown().start(display);
 * }</pre>
 *
 * Starting opens the panel (rainbow sweep), the dashboard, then the broker connection; stopping undoes them in
 * reverse and leaves the panel dark.
 */
public final class DisplayNode implements Component {
    private static final Logger log = LoggerFactory.getLogger(DisplayNode.class);

    private final DisplayConfig config;
    private final Function<PanelSettings, Panel> panels;
    private final Clock clock;
    private Lifecycle parts;
    private People people;
    private LightControl light;
    private EventHub hub;
    private RenderLoop render;
    private DashboardServer dashboard;
    private MqttConnection mqtt;
    private HistoryWriter history;

    /** A display node driving the panel its configuration names (or finds). */
    public DisplayNode(DisplayConfig config) {
        this(config, settings -> new PanelChooser().create(settings), Clock.systemDefaultZone());
    }

    /**
     * A display node on a given panel and clock (tests; a panel of your own).
     *
     * @param panels builds the panel from the panel settings
     */
    public DisplayNode(DisplayConfig config, Function<PanelSettings, Panel> panels, Clock clock) {
        this.config = config;
        this.panels = panels;
        this.clock = clock;
    }

    @Override
    public void start() throws Exception {
        Topics topics = config.topics();
        people = new People(config.people());
        light = new LightControl(
                new LightState(true, config.brightness(), config.look().colour("unknown"), LightState.EFFECT_PRESENCE));
        hub = new EventHub();
        Panel panel = panels.apply(config.panel());
        SceneRenderer renderer = new SceneRenderer(
                panel.width(),
                panel.height(),
                config.look(),
                config.layout(),
                config.rotateEvery(),
                config.giveOfflineColumns());
        render = new RenderLoop(panel, renderer, people, light, config.night(), config.startupRainbow(), clock);
        mqtt = new HiveMqConnection(
                config.broker(), "onair-display-" + config.id(), topics.displayAvailability(config.id()));
        HistorySettings historySettings = config.history();
        HistoryReader reader = null;
        if (historySettings.enabled()) {
            history = new HistoryWriter(historySettings, clock);
            reader = new HistoryReader(historySettings.file());
        }
        HistoryRoutes historyRoutes = new HistoryRoutes(
                reader,
                clock,
                historySettings.zone(),
                key -> config.look().colour(key).toHex());
        dashboard = new DashboardServer(config.web(), new Model(topics), hub, List.of(historyRoutes));

        light.onChange(state -> {
            byte[] json = state.toJson();
            mqtt.publishRetained(topics.displayState(config.id()), json);
            hub.broadcast("display", new String(json, StandardCharsets.UTF_8));
        });
        Inbox inbox = new Inbox(topics, people, light, config.look(), hub, (person, view) -> {
            if (history != null) {
                history.observe(new Change(person, PersonState.of(view), clock.instant()));
            }
        });
        // Each message draws a frame at once rather than at the next animation tick (up to 40 ms later).
        subscribe(topics.allPersonPresence(), (topic, payload) -> {
            inbox.presence(topic, payload);
            render.wake();
        });
        subscribe(topics.allPersonAvailability(), (topic, payload) -> {
            inbox.availability(topic, payload);
            render.wake();
        });
        // Commands only live: a set some broker kept retained is never applied (MqttConnection.subscribeCommands).
        TopicFilter set = new TopicFilter(topics.displaySet(config.id()).name());
        watch(set, mqtt.subscribeCommands(set, (topic, payload) -> {
            inbox.command(topic, payload);
            render.wake();
        }));
        mqtt.publishRetained(topics.displayState(config.id()), light.state().toJson());

        // History before the broker connection: the retained presences that arrive first are history too. The
        // connection before the dashboard: it connects in the background while Jetty starts (about a second on a Pi),
        // so the panel shows the retained state that much sooner (issue 17, "up in a second").
        parts = new Lifecycle(name()).add(render);
        if (history != null) {
            parts.add(history);
        }
        parts.add(mqtt).add(dashboard);
        parts.start();
        log.info("Display '{}' started", config.id());
    }

    private void subscribe(TopicFilter filter, MqttConnection.Handler handler) {
        watch(filter, mqtt.subscribe(filter, handler));
    }

    private void watch(TopicFilter filter, CompletableFuture<Void> subscription) {
        subscription.whenComplete((ok, error) -> {
            if (error != null) {
                log.error(
                        "Cannot subscribe to {}: {} (does user '{}' have the display role?)",
                        filter,
                        error.getMessage(),
                        config.broker().user());
            }
        });
    }

    /** The port the dashboard listens on (the configured one, or the one chosen for port 0). */
    public int httpPort() {
        return dashboard.port();
    }

    /** The frame now on the panel. */
    public Frame frame() {
        return render.shown();
    }

    public LightState lightState() {
        return light.state();
    }

    public boolean isConnected() {
        return mqtt != null && mqtt.isConnected();
    }

    @Override
    public void stop() {
        if (parts != null) {
            parts.stop();
        }
    }

    @Override
    public String name() {
        return "display";
    }

    /** The dashboard's view of this node. */
    private final class Model implements DashboardModel {
        private final Topics topics;

        Model(Topics topics) {
            this.topics = topics;
        }

        @Override
        public List<PersonView> people() {
            return people.inOrder();
        }

        @Override
        public Rgb colour(PersonView person) {
            return config.look().colour(person.lookKey());
        }

        @Override
        public LightState light() {
            return light.state();
        }

        @Override
        public LightState applyLight(LightCommand command) {
            return light.apply(command);
        }

        @Override
        public Frame frame() {
            return render.shown();
        }

        @Override
        public int frameBrightness() {
            return render.shownBrightness();
        }

        @Override
        public List<Region> regions() {
            return render.shownRegions();
        }

        @Override
        public PanelHealth.Status panel() {
            return render.health();
        }

        @Override
        public boolean connected() {
            return mqtt.isConnected();
        }

        @Override
        public CompletableFuture<Void> sendOverride(String person, OverrideCommand command) {
            return mqtt.publish(topics.personSet(person), command.toJson());
        }
    }
}
