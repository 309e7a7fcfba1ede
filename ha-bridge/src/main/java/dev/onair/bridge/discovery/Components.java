package dev.onair.bridge.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;

/**
 * The parts every OnAir device config shares: the root with its {@code device} and {@code origin} blocks, and a
 * component with its ids and availability. Full key names (no abbreviations), so a reader can check them against
 * Home Assistant's schemas.
 */
final class Components {
    private final Topic bridgeAvailability;

    Components(Topic bridgeAvailability) {
        this.bridgeAvailability = bridgeAvailability;
    }

    Topic bridgeAvailability() {
        return bridgeAvailability;
    }

    ObjectNode root(Kind kind, String id, String name, String model) {
        ObjectNode root = StrictJson.MAPPER.createObjectNode();
        ObjectNode device = root.putObject("device");
        device.putArray("identifiers").add(Topics.deviceId(kind, id));
        device.put("name", name);
        device.put("manufacturer", Origin.MANUFACTURER);
        device.put("model", model);
        device.put("via_device", DeviceConfigs.BRIDGE_DEVICE);
        origin(root);
        return root;
    }

    /**
     * The origin block: no {@code support_url}, since the project has no public page yet (the pom's URL names a
     * repository that does not exist, issue 12); Home Assistant makes it optional.
     */
    static void origin(ObjectNode root) {
        ObjectNode origin = root.putObject("origin");
        origin.put("name", Origin.NAME);
        origin.put("sw_version", Origin.version());
    }

    /**
     * A component with its unique_id, default_entity_id, name ({@code null}: the device's main feature) and its own
     * availability list (mode {@code all}: this bridge and the node), so it stays right whatever Home Assistant
     * version merges shared options.
     */
    ObjectNode component(
            ObjectNode cmps, Kind kind, String id, String key, String platform, String name, Topic nodeAvailability) {
        ObjectNode c = cmps.putObject(key);
        c.put("platform", platform);
        c.put("unique_id", Topics.deviceId(kind, id) + "_" + key);
        c.put("default_entity_id", platform + ".onair_" + entitySlug(id) + "_" + key);
        if (name == null) {
            c.putNull("name");
        } else {
            c.put("name", name);
        }
        ArrayNode availability = c.putArray("availability");
        availability.addObject().put("topic", bridgeAvailability.name());
        availability.addObject().put("topic", nodeAvailability.name());
        c.put("availability_mode", "all");
        c.put("qos", 1);
        return c;
    }

    /**
     * An id as Home Assistant writes it inside an entity id: {@code -} is not allowed there and Home Assistant would
     * slugify it (and doubled or trailing {@code _}) anyway, so {@code alice-smith} gives {@code sensor.onair_alice_smith_presence}.
     */
    static String entitySlug(String id) {
        return id.replace('-', '_').replaceAll("_{2,}", "_").replaceAll("_+$", "");
    }

    static byte[] bytes(ObjectNode root) {
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
