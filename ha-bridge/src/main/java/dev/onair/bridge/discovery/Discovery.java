package dev.onair.bridge.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.bridge.roster.Member;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.runtime.mqtt.MqttConnection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Home Assistant's retained discovery configs equal to the roster: publishes a config (retained, QoS 1) only
 * when its content changes, clears (empty retained payload) the config of a device that left, and republishes
 * everything when Home Assistant says it is back.
 *
 * <p>At start-up it first learns its own earlier retained configs (recognised by the {@code onair_} device prefix and
 * the {@code OnAir} origin): until {@link #ready()} it only records, then configs already right are left alone and
 * stale ones are cleared. Not thread-safe: the bridge calls it from one thread.
 */
public final class Discovery {
    private static final Logger log = LoggerFactory.getLogger(Discovery.class);

    private final MqttConnection connection;
    private final DeviceConfigs configs;
    private final Map<Topic, byte[]> learned = new LinkedHashMap<>();
    private final Map<Topic, byte[]> published = new LinkedHashMap<>();
    private final Set<Topic> remembered = new HashSet<>();
    private final Topic legacyAvailability;
    private Map<Topic, byte[]> desired = new LinkedHashMap<>();
    private boolean ready;

    /**
     * @param legacyAvailability {@code onair/bridge/availability}, shared by every bridge before issue 11: cleared
     *     once this bridge has replaced the configs of its own that named it
     */
    public Discovery(MqttConnection connection, DeviceConfigs configs, Topic legacyAvailability) {
        this.connection = connection;
        this.configs = configs;
        this.legacyAvailability = legacyAvailability;
    }

    /** A retained message on {@code homeassistant/device/+/config}; used before {@link #ready()} only. */
    public void learn(String topicName, byte[] payload) {
        if (ready || !isOwn(topicName, payload)) {
            return;
        }
        Topic topic = new Topic(topicName);
        if (payload.length == 0) {
            learned.remove(topic);
        } else {
            learned.put(topic, payload.clone());
        }
    }

    /**
     * Whether an earlier config of this bridge named the shared availability topic of bridges before issue 11; then
     * what that topic still holds was left by this bridge (its will, or its last {@code offline}).
     */
    private boolean namesLegacy(Map<Topic, byte[]> configs) {
        return configs.values().stream().anyMatch(p -> LegacyAvailability.namedIn(p, legacyAvailability));
    }

    /** Ends start-up: learned configs count as published, then the roster's configs are published and stale ones cleared. */
    public void ready() {
        if (ready) {
            return;
        }
        ready = true;
        published.putAll(learned);
        log.info("Found {} earlier OnAir discovery config(s) on the broker", learned.size());
        boolean legacyNamed = namesLegacy(learned);
        learned.clear();
        apply();
        if (legacyNamed) {
            // Every config now names this bridge's own topic (apply replaced them), so nothing reads the old one.
            log.info("Clearing {}: this bridge's configs named it before issue 11", legacyAvailability);
            connection.clearRetained(legacyAvailability);
        }
    }

    /** The devices that should exist now. */
    public void update(List<Member> members) {
        Map<Topic, byte[]> next = new LinkedHashMap<>();
        next.put(configs.bridgeConfigTopic(), configs.bridge());
        for (Member m : members) {
            byte[] payload =
                    m.kind() == Kind.PERSON ? configs.person(m.id(), m.name()) : configs.display(m.id(), m.name());
            next.put(configs.configTopic(m.kind(), m.id()), payload);
        }
        desired = next;
        apply();
    }

    /** Publishes every config again, the bridge's first (Home Assistant came back, or the broker lost them). */
    public void republishAll() {
        if (!ready) {
            return;
        }
        log.info("Republishing {} discovery config(s)", desired.size());
        desired.forEach(this::publish);
    }

    /**
     * After a reconnect: the connection republishes what it remembers (clears made while away included); configs
     * learned unchanged at start-up were never sent through it, so send them now.
     */
    public void reconnected() {
        if (!ready) {
            return;
        }
        published.forEach((topic, payload) -> {
            if (!remembered.contains(topic)) {
                publish(topic, payload);
            }
        });
    }

    /** The topics whose configs are published now (for tests and logs). */
    public Set<Topic> publishedTopics() {
        return Set.copyOf(published.keySet());
    }

    private void apply() {
        if (!ready) {
            return;
        }
        for (Map.Entry<Topic, byte[]> e : desired.entrySet()) {
            if (!Arrays.equals(published.get(e.getKey()), e.getValue())) {
                publish(e.getKey(), e.getValue());
            }
        }
        for (Topic t : Set.copyOf(published.keySet())) {
            if (!desired.containsKey(t)) {
                log.info("Clearing discovery config {}", t);
                published.remove(t);
                clear(t);
            }
        }
    }

    private void publish(Topic topic, byte[] payload) {
        log.debug("Publishing discovery config {}", topic);
        published.put(topic, payload);
        remembered.add(topic);
        connection.publishRetained(topic, payload);
    }

    private void clear(Topic topic) {
        remembered.remove(topic);
        connection.clearRetained(topic); // made while disconnected, it goes out on reconnect
    }

    /** An OnAir config: device object id {@code onair_...} and origin name {@code OnAir} (or an empty payload). */
    static boolean isOwn(String topic, byte[] payload) {
        String[] levels = topic.split("/");
        if (levels.length < 3 || !levels[levels.length - 2].startsWith("onair_")) {
            return false;
        }
        if (payload.length == 0) {
            return true;
        }
        try {
            JsonNode origin = StrictJson.readObject(payload, 64 * 1024).path("origin");
            return Origin.NAME.equals(origin.path("name").asText(null));
        } catch (PayloadException e) {
            return false;
        }
    }
}
