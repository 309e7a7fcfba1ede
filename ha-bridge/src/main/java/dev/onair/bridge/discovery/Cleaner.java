package dev.onair.bridge.discovery;

import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.protocol.topic.TopicRef;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.HiveMqConnection;
import dev.onair.runtime.mqtt.MqttConnection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./onair bridge --clean}: removes everything the bridge put into Home Assistant. It listens for the retained
 * OnAir discovery configs, this bridge's own topics ({@code onair/bridge/<id>/...}: availability, totals, mirror
 * record) and, on Home Assistant's own broker in two-broker mode, the mirrored OnAir state, then clears each with an
 * empty retained payload; Home Assistant then deletes the devices and entities. The availability topic all bridges
 * shared before issue 11 is cleared too when a config found names it: it was this bridge's.
 */
public final class Cleaner {
    private static final Logger log = LoggerFactory.getLogger(Cleaner.class);

    private Cleaner() {}

    /**
     * @param bridgeId this bridge's id: its own topics are cleared
     * @param mirroredState also clear retained OnAir state topics (true on Home Assistant's broker in two-broker mode)
     * @return how many retained topics were cleared
     */
    public static int clean(
            BrokerSettings broker,
            String clientId,
            Topics topics,
            String bridgeId,
            Duration window,
            boolean mirroredState)
            throws Exception {
        MqttConnection connection = new HiveMqConnection(broker, clientId, null);
        Set<String> found = ConcurrentHashMap.newKeySet();
        Topic legacy = topics.legacyBridgeAvailability();
        AtomicBoolean legacyOurs = new AtomicBoolean();
        AtomicBoolean legacyFound = new AtomicBoolean();
        TopicFilter own = new TopicFilter(topics.prefix() + "/bridge/" + bridgeId + "/#");
        CompletableFuture<Void> connected = new CompletableFuture<>();
        connection.onConnected(() -> connected.complete(null));
        connection.start();
        try {
            connected.get(30, TimeUnit.SECONDS);
            List<TopicFilter> filters = mirroredState
                    ? List.of(
                            topics.allDiscoveryConfigs(),
                            topics.allPersonPresence(),
                            topics.allPersonAvailability(),
                            topics.allDisplayState(),
                            topics.allDisplayAvailability(),
                            own,
                            new TopicFilter(legacy.name()))
                    : List.of(topics.allDiscoveryConfigs(), own, new TopicFilter(legacy.name()));
            for (TopicFilter f : filters) {
                connection
                        .subscribe(f, (topic, payload) -> {
                            if (payload.length == 0) {
                                return;
                            }
                            if (Discovery.isOwn(topic, payload)) {
                                found.add(topic);
                                legacyOurs.compareAndSet(false, LegacyAvailability.namedIn(payload, legacy));
                            } else if (topic.startsWith(topics.prefix() + "/bridge/" + bridgeId + "/")
                                    || (mirroredState && isState(topics, topic))) {
                                found.add(topic);
                            } else if (topic.equals(legacy.name())) {
                                legacyFound.set(true);
                            }
                        })
                        .get(10, TimeUnit.SECONDS);
            }
            Thread.sleep(window.toMillis()); // retained messages arrive right after subscribing; wait for all of them
            if (legacyFound.get() && legacyOurs.get()) {
                found.add(legacy.name());
            }
            for (String topic : found) {
                log.info("Clearing {}", topic);
                connection.clearRetained(new Topic(topic)).get(10, TimeUnit.SECONDS);
            }
            return found.size();
        } finally {
            connection.stop();
        }
    }

    private static boolean isState(Topics topics, String topic) {
        // Only on Home Assistant's broker, where every OnAir state topic came from the bridge.
        return topics.parse(topic)
                .map(ref -> ref.kind() != TopicRef.Kind.BRIDGE && ref.leaf() != TopicRef.Leaf.SET)
                .orElse(false);
    }
}
