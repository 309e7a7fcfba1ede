package dev.onair.publisher;

import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.topic.Topics;
import dev.onair.publisher.discovery.BrokerDiscovery;
import dev.onair.publisher.http.PullSource;
import dev.onair.publisher.http.StatusServer;
import dev.onair.publisher.presence.Detection;
import dev.onair.publisher.presence.MediaWatch;
import dev.onair.publisher.presence.PresenceEngine;
import dev.onair.publisher.teams.TeamsLogSource;
import dev.onair.publisher.teams.TeamsProcessCheck;
import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.lifecycle.Component;
import dev.onair.runtime.lifecycle.Lifecycle;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person's publisher: reads presence from its source (Teams' logs, a polled endpoint or pushes), applies
 * overrides and working hours, publishes the result retained over MQTT when it changes, and serves the HTTP status
 * endpoints when asked to. Every decision runs on one thread, so the parts need no locks.
 *
 * <pre>{@code
 * PublisherNode node = new PublisherNode(PublisherConfig.teamsLogs("demo", broker, dir.resolve("teams-logs")));
 * new Lifecycle().start(node);
 * }</pre>
 */
public final class PublisherNode implements Component {
    private static final Logger log = LoggerFactory.getLogger(PublisherNode.class);

    private final PublisherConfig config;
    private final Clock clock;
    private final TeamsProcessCheck processCheck;
    private ScheduledExecutorService executor;
    private PresenceEngine engine;
    private BrokerLink link;
    private Lifecycle parts;
    private StatusServer http;
    private ScheduledFuture<?> timer;
    private volatile Consumer<Presence> listener;

    public PublisherNode(PublisherConfig config) {
        this(config, Clock.systemUTC(), TeamsProcessCheck.processTable());
    }

    /** For tests: a clock to decide time by and the Teams process check to use (when the config turns it on). */
    public PublisherNode(PublisherConfig config, Clock clock, TeamsProcessCheck processCheck) {
        this.config = config;
        this.clock = clock;
        this.processCheck = processCheck;
    }

    /** The parts, in start order: the broker link, the presence source, the status server. */
    @Override
    public void start() throws Exception {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-publisher");
            t.setDaemon(true);
            return t;
        });
        engine = new PresenceEngine(
                config.person(), config.name(), config.sourceWord(), clock, config.workingHours(), this::changed);
        Topics topics = new Topics(config.topicPrefix(), Topics.DEFAULT_DISCOVERY_PREFIX);
        BrokerSettings broker = config.broker();
        BrokerDiscovery discovery = broker.address() == null ? new BrokerDiscovery(fingerprints(broker)) : null;
        link = new BrokerLink(broker, topics, config.person(), discovery, this::onSet);
        parts = new Lifecycle(name()).add(link);
        switch (config.source()) {
            case TEAMS_LOG -> {
                var t = config.teams();
                parts.add(onThread(new TeamsLogSource(
                        t.client(),
                        t.account(),
                        t.location(),
                        t.processCheck() ? processCheck : null,
                        t.pollInterval(),
                        executor,
                        this::detected)));
                // The camera and microphone of this PC: only where Teams runs (a poll or push source is elsewhere).
                parts.add(onThread(MediaWatch.forOs(System.getProperty("os.name", ""), executor, engine::media)));
            }
            case HTTP_PULL ->
                parts.add(onThread(new PullSource(config.poll(), executor, clock, this::detected)))
                        .add(onThread(Component.of("first decision", this::refresh, () -> {})));
            case HTTP_PUSH -> parts.add(onThread(Component.of("first decision", this::refresh, () -> {})));
        }
        if (config.http() != null) {
            http = new StatusServer(
                    config.http(),
                    this::current,
                    link::isConnected,
                    config.http().pushIngress() ? this::pushed : null,
                    clock);
            parts.add(http);
        }
        parts.start();
    }

    @Override
    public void stop() {
        if (parts != null) {
            parts.stop();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public String name() {
        return "publisher " + config.person();
    }

    /** The presence last decided, or null before the first. */
    public Presence current() {
        return engine == null ? null : engine.current();
    }

    /** The HTTP server's port (the real one when 0 was asked for), or -1 when it does not run. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** {@code part} started on the publisher's thread, where every decision runs; stopped from any thread. */
    private Component onThread(Component part) {
        return Component.of(
                part.name(),
                () -> onThread(() -> {
                    part.start();
                    return null;
                }),
                part::stop);
    }

    private void detected(Detection detection) {
        engine.detected(detection);
        reschedule();
    }

    private void refresh() {
        engine.refresh();
        reschedule();
    }

    /** Runs on the MQTT client's thread; a bad command is logged with its topic and dropped by the connection. */
    private void onSet(String topic, byte[] payload) throws Exception {
        apply(OverrideCommand.parse(payload), topic);
    }

    /**
     * Applies an override given on this PC (the tray menu) exactly as one from the {@code set} topic; any thread.
     */
    public void override(OverrideCommand command) {
        apply(command, "this PC");
    }

    /** Called with every presence decided, after it went to the broker (the tray icon follows it). */
    public void onPresence(Consumer<Presence> listener) {
        this.listener = listener;
    }

    private void apply(OverrideCommand command, String topic) {
        executor.execute(() -> {
            // An exception in an executor task vanishes unlogged; the engine refuses bad commands itself, this
            // catches what it did not foresee.
            try {
                engine.override(command);
                reschedule();
            } catch (RuntimeException e) {
                log.error("Override {} on {} failed; presence kept as it was", command, topic, e);
            }
        });
    }

    /** Runs on an HTTP thread; waits for the decision so the answer can show it. */
    private Presence pushed(Detection detection) {
        try {
            return onThread(() -> {
                detected(detection);
                return engine.current();
            });
        } catch (Exception e) {
            throw new IllegalStateException("the publisher did not take the push: " + e.getMessage(), e);
        }
    }

    /** Overrides end and working hours begin by time alone: decide again then. */
    private void reschedule() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        engine.nextChange().ifPresent(at -> {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis()) + 1;
            timer = executor.schedule(this::refresh, delay, TimeUnit.MILLISECONDS);
        });
    }

    private void changed(Presence p) {
        log.info(
                "{} is {} / {} (source {}{}{})",
                p.person(),
                p.status(),
                p.activity(),
                p.source(),
                p.inCall() == null ? "" : ", in call: " + p.inCall(),
                p.overrideUntil() == null ? "" : ", until " + p.overrideUntil());
        link.publish(p);
        Consumer<Presence> l = listener;
        if (l != null) {
            l.accept(p);
        }
    }

    private <T> T onThread(java.util.concurrent.Callable<T> task) throws Exception {
        try {
            return executor.submit(task).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new StartupException("the publisher's thread did not answer within 60 s");
        }
    }

    private static Set<String> fingerprints(BrokerSettings broker) throws Exception {
        Set<String> fingerprints = new HashSet<>();
        if (broker.caSha256() != null) {
            fingerprints.add(TlsTrust.normaliseFingerprint(broker.caSha256()));
        }
        if (broker.caFile() != null) {
            for (X509Certificate cert : TlsTrust.readPem(broker.caFile())) {
                fingerprints.add(TlsTrust.sha256(cert));
            }
        }
        return fingerprints;
    }
}
