package dev.onair.bridge;

import dev.onair.bridge.discovery.DeviceConfigs;
import dev.onair.bridge.discovery.Discovery;
import dev.onair.bridge.mirror.Mirror;
import dev.onair.bridge.ntfy.NtfyNotifier;
import dev.onair.bridge.roster.Roster;
import dev.onair.protocol.Availability;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.protocol.topic.TopicRef;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.lifecycle.Component;
import dev.onair.runtime.mqtt.HiveMqConnection;
import dev.onair.runtime.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home Assistant bridge: reads people and displays from the OnAir broker, keeps Home Assistant's discovery configs
 * in step (issue 5, CONTRACT.md section 7), mirrors state into Home Assistant's own broker in two-broker mode, and
 * sends ntfy notifications.
 *
 * <p>All state lives on one thread: MQTT callbacks only hand their message over, so nothing here needs a lock and a
 * slow part (ntfy) cannot hold up the others.
 */
public final class BridgeNode implements Component {
    private static final Logger log = LoggerFactory.getLogger(BridgeNode.class);

    private final BridgeConfig config;
    private final CompletableFuture<Void> onairSettled = new CompletableFuture<>();
    private final CompletableFuture<Void> haSettled = new CompletableFuture<>();
    private ScheduledExecutorService executor;
    private MqttConnection onair;
    private MqttConnection ha;
    private Roster roster;
    private Discovery discovery;
    private Mirror mirror;
    private volatile boolean inStep;
    private NtfyNotifier ntfy;
    private ScheduledFuture<?> pendingRepublish;
    private boolean upstreamOnline;

    public BridgeNode(BridgeConfig config) {
        this.config = config;
    }

    @Override
    public void start() throws Exception {
        Topics topics = config.topics();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-bridge");
            t.setDaemon(true);
            return t;
        });
        onair = new HiveMqConnection(config.onair(), config.clientId(), topics.bridgeAvailability());
        ha = config.twoBrokers()
                ? new HiveMqConnection(config.ha(), config.clientId() + "-ha", topics.bridgeAvailability())
                : onair;
        if (config.ntfy() != null) {
            ntfy = new NtfyNotifier(config.ntfy());
            ntfy.start();
        }
        roster = new Roster(
                config.people(),
                config.displays(),
                config.autoDiscover(),
                config.goneAfter(),
                Clock.systemUTC(),
                this::statusChanged);
        discovery = new Discovery(ha, new DeviceConfigs(topics));
        subscribeOnair();
        if (config.twoBrokers()) {
            mirror = new Mirror(topics, onair, ha, mirrorRecord());
            subscribeHa();
            // Home Assistant's entities follow the OnAir broker: the bridge is offline there while it is lost.
            onair.onConnected(() -> run(() -> upstream(true)));
            onair.onDisconnected(() -> run(() -> upstream(false)));
            // Until the OnAir side is up, Home Assistant should not trust what is mirrored.
            ha.publishRetained(topics.bridgeAvailability(), Availability.OFFLINE.payload());
        } else {
            haSettled.complete(null);
        }
        CompletableFuture.allOf(onairSettled, haSettled).thenRun(() -> run(this::settle));
        onair.start();
        if (config.twoBrokers()) {
            ha.start();
        }
        long sweep = Math.max(200, Math.min(60_000, config.goneAfter().toMillis() / 4));
        executor.scheduleWithFixedDelay(() -> run(this::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
        log.info(
                "Bridge started: {} mode, discovery prefix {}, topic prefix {}",
                config.twoBrokers()
                        ? "two-broker (Home Assistant's broker " + config.ha().address() + ")"
                        : "single-broker",
                topics.discoveryPrefix(),
                topics.prefix());
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (ha != null && ha != onair) {
            ha.stop();
        }
        if (onair != null) {
            onair.stop();
        }
        if (ntfy != null) {
            ntfy.stop();
        }
    }

    @Override
    public String name() {
        return "ha-bridge";
    }

    /** Connected to the OnAir broker, and in two-broker mode to Home Assistant's too (the health file's test). */
    public boolean isHealthy() {
        MqttConnection o = onair;
        MqttConnection h = ha;
        return o != null && o.isConnected() && (h == null || h == o || h.isConnected());
    }

    /** People and displays from the OnAir broker (and, with one broker, Home Assistant's discovery and birth). */
    private void subscribeOnair() {
        Topics t = config.topics();
        MqttConnection.RetainHandler state = (topic, payload, retain) -> run(() -> fromOnair(topic, payload, retain));
        List<CompletableFuture<Void>> subs = new ArrayList<>(List.of(
                onair.subscribeAsPublished(t.allPersonPresence(), state),
                onair.subscribeAsPublished(t.allPersonAvailability(), state),
                onair.subscribeAsPublished(t.allDisplayState(), state),
                onair.subscribeAsPublished(t.allDisplayAvailability(), state)));
        if (!config.twoBrokers()) {
            subs.addAll(discoverySubscriptions(onair));
            onair.onConnected(() -> run(discovery::reconnected));
        }
        settleAfterWindow(subs, onairSettled);
    }

    /** Commands, stale mirrored state, discovery and birth on Home Assistant's broker (two-broker mode). */
    private void subscribeHa() {
        Topics t = config.topics();
        MqttConnection.Handler command = (topic, payload) -> run(() -> commandFromHa(topic, payload));
        MqttConnection.Handler learn = (topic, payload) -> run(() -> mirror.learnOnHa(topic, payload));
        List<CompletableFuture<Void>> subs = new ArrayList<>(List.of(
                ha.subscribe(t.allPersonSet(), command),
                ha.subscribe(t.allDisplaySet(), command),
                ha.subscribe(t.allPersonPresence(), learn),
                ha.subscribe(t.allPersonAvailability(), learn),
                ha.subscribe(t.allDisplayState(), learn),
                ha.subscribe(t.allDisplayAvailability(), learn),
                ha.subscribe(
                        new TopicFilter(mirrorRecord().name()),
                        (topic, payload) -> run(() -> mirror.learnRecord(payload)))));
        subs.addAll(discoverySubscriptions(ha));
        ha.onConnected(() -> run(discovery::reconnected));
        settleAfterWindow(subs, haSettled);
    }

    private List<CompletableFuture<Void>> discoverySubscriptions(MqttConnection connection) {
        Topics t = config.topics();
        return List.of(
                connection.subscribe(
                        t.allDiscoveryConfigs(), (topic, payload) -> run(() -> discovery.learn(topic, payload))),
                connection.subscribe(
                        new TopicFilter(t.haStatus().name()), (topic, payload) -> run(() -> birth(payload))));
    }

    private void settleAfterWindow(List<CompletableFuture<Void>> subscriptions, CompletableFuture<Void> settled) {
        CompletableFuture.allOf(subscriptions.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("A subscription failed: {}", error.toString());
            }
            executor.schedule(() -> settled.complete(null), config.learnWindow().toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Where this bridge keeps its {@code Mirror}'s record on Home Assistant's broker: one topic per client id. */
    private Topic mirrorRecord() {
        return new Topic(config.topics().prefix() + "/bridge/" + config.clientId() + "/mirrored");
    }

    /** Whether start-up is over: earlier configs and mirrored state have been reconciled. */
    public boolean isInStep() {
        return inStep;
    }

    private void settle() {
        discovery.update(roster.members());
        discovery.ready();
        if (mirror != null) {
            mirror.ready();
        }
        inStep = true;
        log.info("Bridge in step: {} device(s) announced", roster.members().size());
    }

    private void fromOnair(String topic, byte[] payload, boolean retain) {
        TopicRef ref = config.topics().parse(topic).orElse(null);
        if (ref == null) {
            return;
        }
        if (payload.length == 0 && !retain) {
            // Only clearing the retained message removes a person or display; an empty message that was merely
            // sent leaves the broker's retained state, and so ours, as it was.
            log.warn(
                    "Dropped an empty message on {} that was not retained (clear the retained message to remove)",
                    topic);
            return;
        }
        try {
            switch (ref.leaf()) {
                case PRESENCE -> roster.presence(ref.id(), payload);
                case STATE -> roster.displayState(ref.id(), payload);
                case AVAILABILITY -> roster.availability(ref.kind(), ref.id(), payload);
                default -> {
                    return;
                }
            }
            if (mirror != null) {
                mirror.fromOnair(topic, payload);
            }
        } catch (PayloadException e) {
            log.warn("Dropped message on {}: {}", topic, e.getMessage());
        }
        discovery.update(roster.members());
    }

    private void commandFromHa(String topic, byte[] payload) {
        try {
            mirror.commandFromHa(topic, payload);
        } catch (PayloadException e) {
            log.warn("Dropped command on {} from Home Assistant's broker: {}", topic, e.getMessage());
        }
    }

    private void birth(byte[] payload) {
        if (!"online".equals(new String(payload, StandardCharsets.UTF_8).trim())) {
            return;
        }
        if (pendingRepublish != null && !pendingRepublish.isDone()) {
            return;
        }
        // A random delay, as Home Assistant's documentation asks, so many devices do not answer at the same instant.
        long max = config.republishDelayMax().toMillis();
        long delay = ThreadLocalRandom.current().nextLong(max / 5, max + 1);
        log.info("Home Assistant is online; republishing discovery in {} ms", delay);
        pendingRepublish = executor.schedule(() -> run(discovery::republishAll), delay, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        discovery.update(roster.members());
    }

    private void upstream(boolean up) {
        if (up != upstreamOnline) {
            upstreamOnline = up;
            Availability a = up ? Availability.ONLINE : Availability.OFFLINE;
            log.info("OnAir broker {}: bridge {} on Home Assistant's broker", up ? "reachable" : "lost", a);
            ha.publishRetained(config.topics().bridgeAvailability(), a.payload());
        }
    }

    private void statusChanged(String name, Presence before, Presence after) {
        if (ntfy != null) {
            ntfy.statusChanged(name, before, after);
        }
    }

    private void run(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Bridge task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Bridge stopping; task dropped");
        }
    }
}
