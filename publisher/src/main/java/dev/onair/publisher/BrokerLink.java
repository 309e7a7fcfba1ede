package dev.onair.publisher;

import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.protocol.topic.Topics;
import dev.onair.publisher.discovery.BrokerDiscovery;
import dev.onair.runtime.lifecycle.Component;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.HiveMqConnection;
import dev.onair.runtime.mqtt.MqttConnection;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's side of MQTT: the person's retained presence and availability, and the override commands on the
 * person's {@code set} topic. With no broker configured, the broker is found by mDNS first (in the background, so
 * start-up never waits for the network); until then presence is kept and goes out as soon as the connection is up.
 */
final class BrokerLink implements Component {
    private static final Logger log = LoggerFactory.getLogger(BrokerLink.class);
    private static final Duration BROWSE = Duration.ofSeconds(5);
    /** The longest wait between two browses: a network that is down for long is asked once a minute. */
    static final Duration MAX_BROWSE_PERIOD = Duration.ofMinutes(1);

    /** Browses for a broker for up to the given time (a seam for tests: BrokerDiscovery needs a network). */
    @FunctionalInterface
    interface Finder {
        Optional<BrokerAddress> find(Duration timeout);
    }

    /** Waits between browses; false when interrupted (stop). */
    @FunctionalInterface
    interface Pause {
        boolean pause(Duration wait);
    }

    private final BrokerSettings settings;
    private final Topics topics;
    private final String person;
    private final Finder discovery;
    private final Pause pause;
    private final MqttConnection.Handler onSet;
    private volatile boolean stopped;
    private MqttConnection connection;
    private byte[] presence;
    private Thread browser;

    /**
     * @param discovery finds the broker when {@code settings} has no address; may be null otherwise
     * @param onSet handles override commands
     */
    BrokerLink(
            BrokerSettings settings,
            Topics topics,
            String person,
            BrokerDiscovery discovery,
            MqttConnection.Handler onSet) {
        this(settings, topics, person, discovery == null ? null : discovery::find, BrokerLink::sleep, onSet);
    }

    BrokerLink(
            BrokerSettings settings,
            Topics topics,
            String person,
            Finder discovery,
            Pause pause,
            MqttConnection.Handler onSet) {
        this.settings = settings;
        this.topics = topics;
        this.person = person;
        this.discovery = discovery;
        this.pause = pause;
        this.onSet = onSet;
    }

    @Override
    public void start() throws IOException, GeneralSecurityException {
        if (settings.address() != null) {
            connect(settings);
            return;
        }
        log.info("No broker configured: looking for it by mDNS ({})", BrokerDiscovery.SERVICE_TYPE);
        browser = new Thread(this::browse, "onair-mdns");
        browser.setDaemon(true);
        browser.start();
    }

    synchronized void publish(Presence p) {
        presence = PresenceCodec.encode(p);
        if (connection != null) {
            connection.publishRetained(topics.personPresence(person), presence);
        }
    }

    synchronized boolean isConnected() {
        return connection != null && connection.isConnected();
    }

    @Override
    public void stop() {
        stopped = true;
        if (browser != null) {
            browser.interrupt();
        }
        MqttConnection c;
        synchronized (this) {
            c = connection;
        }
        if (c != null) {
            c.stop();
        }
    }

    private void browse() {
        int attempts = 0;
        while (!stopped) {
            long began = System.nanoTime();
            Optional<BrokerAddress> found = discovery.find(BROWSE);
            if (found.isPresent()) {
                try {
                    connect(new BrokerSettings(
                            found.get(), settings.caFile(), settings.caSha256(), settings.user(), settings.password()));
                } catch (IOException | GeneralSecurityException e) {
                    log.error("Cannot use the broker found by mDNS: {}", e.getMessage());
                }
                return;
            }
            if (++attempts == 1 || attempts % 12 == 0) {
                log.warn("No OnAir broker with the trusted CA found by mDNS yet; still looking (or set --broker)");
            }
            // A browse that fails at once (JmDNS.create without a network) waits out its period instead of
            // spinning, and the period doubles up to a minute, so a PC without a network is not asked every 5 s.
            Duration left = period(attempts).minusNanos(System.nanoTime() - began);
            if (!left.isNegative() && !left.isZero() && !pause.pause(left)) {
                return; // stop()
            }
        }
    }

    /** 5 s after the first failed browse, then 10, 20, 40, and 60 s from then on. */
    static Duration period(int failedBrowses) {
        Duration p = BROWSE.multipliedBy(1L << Math.min(failedBrowses - 1, 4));
        return p.compareTo(MAX_BROWSE_PERIOD) > 0 ? MAX_BROWSE_PERIOD : p;
    }

    private static boolean sleep(Duration wait) {
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private synchronized void connect(BrokerSettings target) throws IOException, GeneralSecurityException {
        if (stopped) {
            return;
        }
        MqttConnection c = new HiveMqConnection(target, "onair-publisher-" + person, topics.personAvailability(person));
        // Commands only live: a set some broker kept retained is never applied (MqttConnection.subscribeCommands).
        c.subscribeCommands(new TopicFilter(topics.personSet(person).name()), onSet)
                .exceptionally(e -> {
                    log.warn("Cannot subscribe to {}: {}", topics.personSet(person), e.getMessage());
                    return null;
                });
        c.start();
        connection = c;
        if (presence != null) {
            c.publishRetained(topics.personPresence(person), presence);
        }
    }
}
