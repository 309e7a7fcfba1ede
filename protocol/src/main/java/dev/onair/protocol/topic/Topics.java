package dev.onair.protocol.topic;

import dev.onair.protocol.Ids;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.TopicRef.Leaf;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds and parses every topic of CONTRACT.md section 2 under a configurable prefix ({@code onair} and
 * {@code homeassistant} by default). Ids are validated on the way in, so a topic built here is always well formed.
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "onair";
    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";

    private static final Pattern PREFIX = Pattern.compile("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$");

    private final String prefix;
    private final String discoveryPrefix;

    public Topics(String prefix, String discoveryPrefix) {
        this.prefix = requirePrefix(prefix, "topic prefix");
        this.discoveryPrefix = requirePrefix(discoveryPrefix, "discovery prefix");
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX, DEFAULT_DISCOVERY_PREFIX);
    }

    public String prefix() {
        return prefix;
    }

    public String discoveryPrefix() {
        return discoveryPrefix;
    }

    public Topic personPresence(String person) {
        return person(person, "presence");
    }

    public Topic personAvailability(String person) {
        return person(person, "availability");
    }

    public Topic personSet(String person) {
        return person(person, "set");
    }

    public Topic displayState(String display) {
        return display(display, "state");
    }

    public Topic displaySet(String display) {
        return display(display, "set");
    }

    public Topic displayAvailability(String display) {
        return display(display, "availability");
    }

    /**
     * {@code onair/bridge/<bridge>/availability}: one per bridge (issue 11), so stopping one of two bridges on the same
     * broker marks only its own entities unavailable.
     */
    public Topic bridgeAvailability(String bridge) {
        return bridge(bridge, "availability");
    }

    /**
     * {@code onair/bridge/availability}, the topic every bridge shared before issue 11. No bridge writes it any more;
     * a bridge clears what an earlier version of itself left there.
     */
    public Topic legacyBridgeAvailability() {
        return new Topic(prefix + "/bridge/availability");
    }

    /** {@code onair/bridge/<bridge>/mirrored}: what that bridge mirrored onto Home Assistant's broker. */
    public Topic bridgeMirrorRecord(String bridge) {
        return bridge(bridge, "mirrored");
    }

    /** {@code onair/bridge/<bridge>/today/<person>}: that person's totals today, as that bridge counted them. */
    public Topic bridgeToday(String bridge, String person) {
        return new Topic(bridge(bridge, "today").name() + "/" + Ids.require(person, "person id"));
    }

    /** Every person's totals of one bridge. */
    public TopicFilter allBridgeToday(String bridge) {
        return new TopicFilter(bridge(bridge, "today").name() + "/+");
    }

    /** {@code homeassistant/device/onair_<kind>_<id>/config} (CONTRACT.md section 7). */
    public Topic discoveryConfig(Kind kind, String id) {
        if (kind == Kind.BRIDGE) {
            throw new IllegalArgumentException("the bridge has no discovery config of its own");
        }
        return new Topic(discoveryPrefix + "/device/" + deviceId(kind, id) + "/config");
    }

    /** {@code onair_<kind>_<id>}: the device identifier in Home Assistant. */
    public static String deviceId(Kind kind, String id) {
        String k = kind.name().toLowerCase(java.util.Locale.ROOT);
        return "onair_" + k + "_" + Ids.require(id, k + " id");
    }

    /** Home Assistant's birth and will topic. */
    public Topic haStatus() {
        return new Topic(discoveryPrefix + "/status");
    }

    public TopicFilter allPersonPresence() {
        return new TopicFilter(prefix + "/person/+/presence");
    }

    public TopicFilter allPersonAvailability() {
        return new TopicFilter(prefix + "/person/+/availability");
    }

    public TopicFilter allPersonSet() {
        return new TopicFilter(prefix + "/person/+/set");
    }

    public TopicFilter allDisplayState() {
        return new TopicFilter(prefix + "/display/+/state");
    }

    public TopicFilter allDisplaySet() {
        return new TopicFilter(prefix + "/display/+/set");
    }

    public TopicFilter allDisplayAvailability() {
        return new TopicFilter(prefix + "/display/+/availability");
    }

    /** Everything under the OnAir prefix. */
    public TopicFilter everything() {
        return new TopicFilter(prefix + "/#");
    }

    /** Every device config under the discovery prefix. */
    public TopicFilter allDiscoveryConfigs() {
        return new TopicFilter(discoveryPrefix + "/device/+/config");
    }

    /**
     * Parses a topic received from the broker. Empty for anything outside the contract, including ids that break the
     * id rule.
     */
    public Optional<TopicRef> parse(String topic) {
        if (topic == null || !topic.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        String[] levels = topic.substring(prefix.length() + 1).split("/", -1);
        if (levels.length == 2 && levels[0].equals("bridge") && levels[1].equals("availability")) {
            return Optional.of(new TopicRef(Kind.BRIDGE, null, Leaf.AVAILABILITY));
        }
        if (levels.length == 3 && levels[0].equals("bridge")) {
            return Ids.isValid(levels[1]) && levels[2].equals("availability")
                    ? Optional.of(new TopicRef(Kind.BRIDGE, levels[1], Leaf.AVAILABILITY))
                    : Optional.empty();
        }
        if (levels.length != 3 || !Ids.isValid(levels[1])) {
            return Optional.empty();
        }
        Kind kind;
        switch (levels[0]) {
            case "person" -> kind = Kind.PERSON;
            case "display" -> kind = Kind.DISPLAY;
            default -> {
                return Optional.empty();
            }
        }
        Leaf leaf;
        switch (levels[2]) {
            case "presence" -> leaf = Leaf.PRESENCE;
            case "availability" -> leaf = Leaf.AVAILABILITY;
            case "set" -> leaf = Leaf.SET;
            case "state" -> leaf = Leaf.STATE;
            default -> {
                return Optional.empty();
            }
        }
        boolean allowed = kind == Kind.PERSON ? leaf != Leaf.STATE : leaf != Leaf.PRESENCE;
        return allowed ? Optional.of(new TopicRef(kind, levels[1], leaf)) : Optional.empty();
    }

    private Topic person(String person, String leaf) {
        return new Topic(prefix + "/person/" + Ids.require(person, "person id") + "/" + leaf);
    }

    private Topic bridge(String bridge, String leaf) {
        return new Topic(prefix + "/bridge/" + Ids.require(bridge, "bridge id") + "/" + leaf);
    }

    private Topic display(String display, String leaf) {
        return new Topic(prefix + "/display/" + Ids.require(display, "display id") + "/" + leaf);
    }

    private static String requirePrefix(String value, String what) {
        if (value == null || !PREFIX.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' is invalid: use levels of A-Z, a-z, 0-9, "
                    + "'_' and '-' separated by '/', with no wildcard");
        }
        return value;
    }
}
