package dev.onair.bridge.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.topic.Topic;
import dev.onair.runtime.mqtt.MqttConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics one bridge has mirrored onto Home Assistant's broker and not cleared since, kept there as a retained JSON
 * array of topic names on the bridge's own record topic (CONTRACT.md section 2). Written whenever it changes; read
 * back at start-up, so what an earlier run mirrored can still be removed, and nothing else ever is.
 */
final class MirrorRecord {
    private static final Logger log = LoggerFactory.getLogger(MirrorRecord.class);

    /** Hundreds of people and displays fit; a record larger than this is not one this bridge wrote. */
    static final int MAX_BYTES = 256 * 1024;

    private final Topic topic;
    private final MqttConnection ha;
    private final Set<Topic> topics = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
    private boolean open;
    private boolean changed;

    MirrorRecord(Topic topic, MqttConnection ha) {
        this.topic = topic;
        this.ha = ha;
    }

    /** Takes in the record found on Home Assistant's broker; a broken one is logged and ignored (nothing is removed). */
    void learn(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        try {
            if (payload.length > MAX_BYTES) {
                throw new IOException(payload.length + " bytes, over " + MAX_BYTES);
            }
            JsonNode array = StrictJson.MAPPER.readTree(payload);
            if (array == null || !array.isArray()) {
                throw new IOException("not a JSON array");
            }
            for (JsonNode name : array) {
                if (!name.isTextual()) {
                    throw new IOException("an entry is not a topic name");
                }
                topics.add(new Topic(name.asText()));
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn(
                    "Ignoring the mirror record on {}: {}; this bridge will remove nothing it finds there",
                    topic,
                    e.getMessage());
        }
    }

    boolean contains(Topic t) {
        return topics.contains(t);
    }

    Set<Topic> topics() {
        return Set.copyOf(topics);
    }

    void add(Topic t) {
        if (topics.add(t)) {
            write();
        }
    }

    void remove(Topic t) {
        if (topics.remove(t)) {
            write();
        }
    }

    /**
     * Ends start-up: from now on every change is written. Until then the record found on the broker may not have
     * arrived yet, and writing ours first would overwrite it with less.
     */
    void open() {
        open = true;
        if (changed) {
            write();
        }
    }

    private void write() {
        changed = true;
        if (!open) {
            return;
        }
        var array = StrictJson.MAPPER.createArrayNode();
        topics.forEach(t -> array.add(t.name()));
        ha.publishRetained(topic, array.toString().getBytes(StandardCharsets.UTF_8));
        changed = false;
    }
}
