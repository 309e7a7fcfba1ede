package dev.onair.bridge.mirror;

import dev.onair.protocol.Availability;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.light.LightCommand;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicRef;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.TopicRef.Leaf;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.mqtt.MqttConnection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-broker mode: copies the retained OnAir state (presence, display state, person and display availability) from
 * the OnAir broker into Home Assistant's broker, and forwards {@code set} commands the other way.
 *
 * <p>Loop-free by construction: state only flows OnAir to HA and commands only HA to OnAir, the bridge never
 * subscribes to the topics it writes on the same broker except to learn stale state at start-up, and it never
 * forwards anything that is not a valid OnAir payload on an OnAir topic. Every mirrored message goes through
 * {@link MqttConnection#publishRetained}, so Home Assistant's broker gets the full state back after it restarts; after
 * the OnAir broker restarts the retained state arrives again and only differences are copied. Not thread-safe: the
 * bridge calls it from one thread.
 *
 * <p>It removes only what it mirrored itself (issue 11: clearing every OnAir topic it did not know wiped the state of
 * other OnAir nodes sharing Home Assistant's broker). What it mirrored is kept in a {@link MirrorRecord}, retained on
 * Home Assistant's broker next to the mirrored state, so a restarted bridge still knows, and a broker that lost its
 * retained messages lost the record with them.
 */
public final class Mirror {
    private static final Logger log = LoggerFactory.getLogger(Mirror.class);

    private final Topics topics;
    private final MqttConnection onair;
    private final MqttConnection ha;
    private final Map<Topic, byte[]> mirrored = new LinkedHashMap<>();
    private final Set<Topic> staleOnHa = new HashSet<>();
    private final MirrorRecord record;
    private boolean ready;
    private long forwardedCommands;

    /** @param recordTopic where this bridge keeps its record on Home Assistant's broker; one per bridge */
    public Mirror(Topics topics, MqttConnection onair, MqttConnection ha, Topic recordTopic) {
        this.topics = topics;
        this.onair = onair;
        this.ha = ha;
        this.record = new MirrorRecord(recordTopic, ha);
    }

    /** The record this bridge left on Home Assistant's broker in an earlier run, found at start-up. */
    public void learnRecord(byte[] payload) {
        if (!ready) {
            record.learn(payload);
        }
    }

    /** A retained state or availability message from the OnAir broker. */
    public void fromOnair(String topicName, byte[] payload) throws PayloadException {
        TopicRef ref = stateRef(topicName);
        if (ref == null) {
            return;
        }
        Topic topic = new Topic(topicName);
        if (payload.length == 0) {
            if (mirrored.remove(topic) != null || record.contains(topic)) {
                clear(topic);
            }
            return;
        }
        validate(ref, payload);
        if (!Arrays.equals(mirrored.get(topic), payload)) {
            mirrored.put(topic, payload.clone());
            // Recorded before it is written (after start-up): a crash in between leaves a topic recorded that is
            // not there, which costs one needless clear; the other way round would leave one nobody removes.
            record.add(topic);
            ha.publishRetained(topic, payload);
        }
    }

    /** A retained OnAir state message found on Home Assistant's broker at start-up (possibly left by a past run). */
    public void learnOnHa(String topicName, byte[] payload) {
        if (ready || stateRef(topicName) == null) {
            return;
        }
        Topic topic = new Topic(topicName);
        if (payload.length == 0) {
            staleOnHa.remove(topic);
        } else {
            staleOnHa.add(topic);
        }
    }

    /** Ends start-up: state on Home Assistant's broker that the OnAir broker no longer has is cleared. */
    public void ready() {
        if (ready) {
            return;
        }
        ready = true;
        for (Topic t : staleOnHa) {
            if (mirrored.containsKey(t)) {
                continue;
            }
            if (record.contains(t)) {
                log.info(
                        "Clearing {} on Home Assistant's broker: this bridge mirrored it, the OnAir broker no longer "
                                + "has it",
                        t);
                clear(t);
            } else {
                log.debug("Leaving {} on Home Assistant's broker: another node wrote it", t);
            }
        }
        // Recorded topics already gone from Home Assistant's broker need no clear, only forgetting.
        for (Topic t : record.topics()) {
            if (!mirrored.containsKey(t) && !staleOnHa.contains(t)) {
                record.remove(t);
            }
        }
        staleOnHa.clear();
        record.open();
    }

    /** A {@code set} command from Home Assistant's broker: forwarded to the OnAir broker if it is a valid command. */
    public void commandFromHa(String topicName, byte[] payload) throws PayloadException {
        TopicRef ref = topics.parse(topicName).orElse(null);
        if (ref == null || ref.leaf() != Leaf.SET) {
            return;
        }
        if (ref.kind() == Kind.PERSON) {
            OverrideCommand.parse(payload);
        } else {
            LightCommand.parse(payload);
        }
        Topic target = ref.kind() == Kind.PERSON ? topics.personSet(ref.id()) : topics.displaySet(ref.id());
        forwardedCommands++;
        onair.publish(target, payload).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("Could not forward the command on {} to the OnAir broker: {}", target, error.getMessage());
            }
        });
    }

    public long forwardedCommands() {
        return forwardedCommands;
    }

    private void clear(Topic topic) {
        ha.clearRetained(topic); // made while Home Assistant's broker is away, it goes out on reconnect
        record.remove(topic);
    }

    private TopicRef stateRef(String topicName) {
        TopicRef ref = topics.parse(topicName).orElse(null);
        if (ref == null || ref.kind() == Kind.BRIDGE) {
            return null;
        }
        return ref.leaf() == Leaf.SET ? null : ref;
    }

    private static void validate(TopicRef ref, byte[] payload) throws PayloadException {
        switch (ref.leaf()) {
            case PRESENCE -> PresenceCodec.decode(payload);
            case STATE -> LightState.parse(payload);
            case AVAILABILITY -> {
                if (Availability.parse(payload).isEmpty()) {
                    throw new PayloadException(
                            PayloadException.Reason.UNKNOWN_VALUE, null, "availability is not online or offline");
                }
            }
            default -> throw new IllegalStateException("not a state topic: " + ref);
        }
    }
}
