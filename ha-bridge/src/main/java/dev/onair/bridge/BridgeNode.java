package dev.onair.bridge;

import dev.onair.bridge.ntfy.NtfyNotifier;
import dev.onair.bridge.roster.Roster;
import dev.onair.bridge.today.Today;
import dev.onair.protocol.Availability;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.topic.TopicRef;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.runtime.lifecycle.Component;
import dev.onair.runtime.lifecycle.Lifecycle;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home Assistant bridge: reads people and displays from the OnAir broker ({@link OnairSide}), keeps Home
 * Assistant's discovery configs and each person's totals today in step ({@link Announcer}, CONTRACT.md section 7),
 * mirrors state into Home Assistant's own broker in two-broker mode ({@link HaSide}), and sends ntfy notifications.
 * All state lives on one {@link BridgeThread}.
 */
public final class BridgeNode implements Component {
    private static final Logger log = LoggerFactory.getLogger(BridgeNode.class);

    private final BridgeConfig config;
    private final Clock clock;
    private final Lifecycle parts = new Lifecycle();
    private BridgeThread thread;
    private OnairSide onair;
    private HaSide ha;
    private Announcer announcer;
    private Roster roster;
    private NtfyNotifier ntfy;
    private volatile boolean inStep;

    public BridgeNode(BridgeConfig config) {
        this(config, Clock.systemDefaultZone());
    }

    /** @param clock the bridge's time, whose zone's midnight starts a new day for the totals */
    BridgeNode(BridgeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void start() {
        thread = new BridgeThread();
        ntfy = config.ntfy() == null ? null : new NtfyNotifier(config.ntfy());
        roster = new Roster(
                config.people(),
                config.displays(),
                config.autoDiscover(),
                config.goneAfter(),
                clock,
                this::statusChanged);
        onair = new OnairSide(config, thread);
        ha = config.twoBrokers() ? new HaSide(config, thread, onair.connection()) : null;
        announcer = new Announcer(config, thread, ha != null ? ha.connection() : onair.connection(), clock);

        onair.subscribe(this::fromOnair);
        if (ha != null) {
            ha.subscribe();
        }
        announcer.subscribe();
        CompletableFuture.allOf(
                        onair.settled(),
                        ha != null ? ha.settled() : CompletableFuture.completedFuture(null),
                        announcer.settled())
                .thenRun(() -> thread.run(this::settle));

        parts.start(thread);
        if (ntfy != null) {
            parts.start(ntfy);
        }
        parts.start(onair);
        if (ha != null) {
            parts.start(ha);
        }
        Duration sweep = Duration.ofMillis(
                Math.max(200, Math.min(60_000, config.goneAfter().toMillis() / 4)));
        thread.every(sweep, () -> announcer.update(roster.members()));
        thread.every(Today.TICK, () -> announcer.today().tick());
        log.info(
                "Bridge {} started: {} mode, discovery prefix {}, topic prefix {}",
                config.bridgeId(),
                ha != null
                        ? "two-broker (Home Assistant's broker " + config.ha().address() + ")"
                        : "single-broker",
                config.topics().discoveryPrefix(),
                config.topics().prefix());
    }

    @Override
    public void stop() {
        parts.stop();
    }

    @Override
    public String name() {
        return "ha-bridge";
    }

    /** Connected to the OnAir broker, and in two-broker mode to Home Assistant's too (the health file's test). */
    public boolean isHealthy() {
        OnairSide o = onair;
        HaSide h = ha;
        return o != null && o.connection().isConnected() && (h == null || h.isConnected());
    }

    /** Whether start-up is over: earlier configs and mirrored state have been reconciled. */
    public boolean isInStep() {
        return inStep;
    }

    private void settle() {
        announcer.ready(roster.members());
        if (ha != null) {
            ha.ready();
        }
        inStep = true;
        log.info("Bridge in step: {} device(s) announced", roster.members().size());
    }

    private void fromOnair(String topic, byte[] payload, boolean retain) {
        TopicRef ref = config.topics().parse(topic).orElse(null);
        if (ref == null || ref.kind() == Kind.BRIDGE) {
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
                case PRESENCE -> {
                    roster.presence(ref.id(), payload);
                    announcer.today().presence(ref.id(), roster.presenceOf(ref.id()));
                }
                case STATE -> roster.displayState(ref.id(), payload);
                case AVAILABILITY -> {
                    roster.availability(ref.kind(), ref.id(), payload);
                    Availability a = Availability.parse(payload).orElse(null);
                    if (ref.kind() == Kind.PERSON && (a != null || payload.length == 0)) {
                        announcer.today().availability(ref.id(), a);
                    }
                }
                default -> {
                    return;
                }
            }
            if (ha != null) {
                ha.fromOnair(topic, payload);
            }
        } catch (PayloadException e) {
            log.warn("Dropped message on {}: {}", topic, e.getMessage());
        }
        announcer.update(roster.members());
    }

    private void statusChanged(String name, Presence before, Presence after) {
        if (ntfy != null) {
            ntfy.statusChanged(name, before, after);
        }
    }
}
