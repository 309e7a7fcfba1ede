package dev.onair.publisher;

import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.protocol.topic.Topics;
import dev.onair.publisher.discovery.BrokerDiscovery;
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
final class BrokerLink {
    private static final Logger log = LoggerFactory.getLogger(BrokerLink.class);
    private static final Duration BROWSE = Duration.ofSeconds(5);

    private final BrokerSettings settings;
    private final Topics topics;
    private final String person;
    private final BrokerDiscovery discovery;
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
        this.settings = settings;
        this.topics = topics;
        this.person = person;
        this.discovery = discovery;
        this.onSet = onSet;
    }

    void start() throws IOException, GeneralSecurityException {
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

    void stop() {
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
            // A browse that fails at once (JmDNS.create without a network) waits out its period instead of spinning.
            long left = BROWSE.toNanos() - (System.nanoTime() - began);
            if (left > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    return; // stop()
                }
            }
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
