package dev.onair.bridge;

import dev.onair.bridge.ntfy.NtfyConfig;
import dev.onair.protocol.Ids;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.config.RecordBuilder;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link BridgeNode} needs. Build it with {@link #of(BrokerSettings)} and the {@code with...} methods, or
 * let {@link BridgeCommand} build it from options.
 *
 * @param onair the OnAir broker (where presence and display state are read)
 * @param ha Home Assistant's own broker for two-broker mode, or null to publish discovery on the OnAir broker
 * @param topics the topic prefix and the discovery prefix
 * @param clientId the MQTT client id ({@code -ha} is appended on Home Assistant's broker); null for
 *     {@code onair-bridge-<bridge id>}, so two bridges never take over each other's session
 * @param people people to announce even before they publish, with their device names
 * @param displays displays to announce even before they publish, with their device names
 * @param autoDiscover whether people and displays seen on the broker but not listed are announced too
 * @param goneAfter how long an unlisted person or display may be offline and silent before its config is cleared
 * @param learnWindow how long start-up listens for earlier retained configs before reconciling them
 * @param republishDelayMax the longest random delay before republishing every config when Home Assistant restarts
 * @param ntfy notifications, or null for none
 * @param bridgeId this bridge's id (issue 11): its availability topic {@code onair/bridge/<id>/availability}, its mirror
 *     record and its daily totals; null for {@link BridgeId#fromHost()}
 */
public record BridgeConfig(
        BrokerSettings onair,
        BrokerSettings ha,
        Topics topics,
        String clientId,
        List<NodeName> people,
        List<NodeName> displays,
        boolean autoDiscover,
        Duration goneAfter,
        Duration learnWindow,
        Duration republishDelayMax,
        NtfyConfig ntfy,
        String bridgeId) {

    /** The client id is this followed by the bridge id, unless given. */
    public static final String CLIENT_ID_PREFIX = "onair-bridge-";

    public static final Duration DEFAULT_GONE_AFTER = Duration.ofDays(7);
    public static final Duration DEFAULT_LEARN_WINDOW = Duration.ofSeconds(3);
    public static final Duration DEFAULT_REPUBLISH_DELAY_MAX = Duration.ofSeconds(5);

    public BridgeConfig {
        Objects.requireNonNull(onair, "onair broker settings");
        Objects.requireNonNull(onair.address(), "onair broker address");
        Objects.requireNonNull(topics, "topics");
        bridgeId = Ids.require(bridgeId == null ? BridgeId.fromHost() : bridgeId, "bridge id");
        if (clientId == null) {
            clientId = CLIENT_ID_PREFIX + bridgeId;
        }
        if (!clientId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException(
                    "client id '" + clientId + "' must be 1 to 64 letters, digits, '-' or '_'");
        }
        people = List.copyOf(people);
        displays = List.copyOf(displays);
        requireUnique(people, "people");
        requireUnique(displays, "displays");
        requirePositive(goneAfter, "gone-after");
        requirePositive(learnWindow, "learn-window");
        requirePositive(republishDelayMax, "republish-delay");
    }

    /** Single-broker mode with every default: discovery on the OnAir broker, nobody listed, auto-discovery on. */
    public static BridgeConfig of(BrokerSettings onair) {
        return new BridgeConfig(
                onair,
                null,
                Topics.defaults(),
                null,
                List.of(),
                List.of(),
                true,
                DEFAULT_GONE_AFTER,
                DEFAULT_LEARN_WINDOW,
                DEFAULT_REPUBLISH_DELAY_MAX,
                null,
                null);
    }

    public BridgeConfig withOnair(BrokerSettings onairBroker) {
        return RecordBuilder.from(this).set("onair", onairBroker).build();
    }

    public BridgeConfig withHa(BrokerSettings haBroker) {
        return RecordBuilder.from(this).set("ha", haBroker).build();
    }

    public BridgeConfig withTopics(Topics newTopics) {
        return RecordBuilder.from(this).set("topics", newTopics).build();
    }

    public BridgeConfig withClientId(String newClientId) {
        return RecordBuilder.from(this).set("clientId", newClientId).build();
    }

    public BridgeConfig withPeople(List<NodeName> newPeople) {
        return RecordBuilder.from(this).set("people", newPeople).build();
    }

    public BridgeConfig withDisplays(List<NodeName> newDisplays) {
        return RecordBuilder.from(this).set("displays", newDisplays).build();
    }

    public BridgeConfig withAutoDiscover(boolean on) {
        return RecordBuilder.from(this).set("autoDiscover", on).build();
    }

    public BridgeConfig withTimings(Duration newGoneAfter, Duration newLearnWindow, Duration newRepublishDelayMax) {
        return RecordBuilder.from(this)
                .set("goneAfter", newGoneAfter)
                .set("learnWindow", newLearnWindow)
                .set("republishDelayMax", newRepublishDelayMax)
                .build();
    }

    public BridgeConfig withNtfy(NtfyConfig newNtfy) {
        return RecordBuilder.from(this).set("ntfy", newNtfy).build();
    }

    /** The same with another bridge id; a client id derived from the old id follows the new one. */
    public BridgeConfig withBridgeId(String newBridgeId) {
        boolean derived = clientId.equals(CLIENT_ID_PREFIX + bridgeId);
        return RecordBuilder.from(this)
                .set("clientId", derived ? null : clientId)
                .set("bridgeId", newBridgeId)
                .build();
    }

    /** Whether Home Assistant has its own broker (two-broker mode). */
    public boolean twoBrokers() {
        return ha != null;
    }

    private static void requireUnique(List<NodeName> names, String what) {
        Set<String> seen = new HashSet<>();
        for (NodeName n : names) {
            if (!seen.add(n.id())) {
                throw new IllegalArgumentException(what + " lists id '" + n.id() + "' twice");
            }
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " " + d + " must be a positive duration");
        }
    }
}
