package dev.onair.bridge.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.Ids;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.Topics;

/**
 * Builds the device-based discovery payloads of CONTRACT.md section 7. Every component's availability names this
 * bridge's own topic {@code onair/bridge/<bridge id>/availability} (issue 11) and the node's.
 *
 * <p>The bridge itself is a device too ({@code onair_bridge}): people and displays name it in {@code via_device}, and
 * Home Assistant links a child to its parent only if the parent device already exists (it logs "referencing a non
 * existing via_device" and drops the link otherwise). So the bridge publishes one more config,
 * {@code homeassistant/device/onair_bridge/config}, with a single diagnostic connectivity sensor.
 */
public final class DeviceConfigs {
    /** The bridge's device identifier, which every person and display names as {@code via_device}. */
    public static final String BRIDGE_DEVICE = "onair_bridge";

    private final Topics topics;
    private final Components components;
    private final PersonConfig person;

    /** @param bridgeId this bridge's id, whose availability topic every component names */
    public DeviceConfigs(Topics topics, String bridgeId) {
        this.topics = topics;
        this.components = new Components(topics.bridgeAvailability(Ids.require(bridgeId, "bridge id")));
        this.person = new PersonConfig(topics, bridgeId, components);
    }

    /** {@code homeassistant/device/onair_bridge/config}: not in the contract's table, see the class comment. */
    public Topic bridgeConfigTopic() {
        return new Topic(topics.discoveryPrefix() + "/device/" + BRIDGE_DEVICE + "/config");
    }

    public Topic configTopic(Kind kind, String id) {
        return topics.discoveryConfig(kind, id);
    }

    /** The bridge's own device, with a connectivity sensor on its availability topic. */
    public byte[] bridge() {
        ObjectNode root = StrictJson.MAPPER.createObjectNode();
        ObjectNode device = root.putObject("device");
        device.putArray("identifiers").add(BRIDGE_DEVICE);
        device.put("name", "OnAir Bridge");
        device.put("manufacturer", Origin.MANUFACTURER);
        device.put("model", "Home Assistant bridge");
        device.put("sw_version", Origin.version());
        Components.origin(root);
        ObjectNode status = root.putObject("components").putObject("status");
        status.put("platform", "binary_sensor");
        status.put("unique_id", BRIDGE_DEVICE + "_status");
        status.put("default_entity_id", "binary_sensor." + BRIDGE_DEVICE + "_status");
        status.put("name", "Status");
        status.put("device_class", "connectivity");
        status.put("entity_category", "diagnostic");
        status.put("state_topic", components.bridgeAvailability().name());
        status.put("payload_on", "online");
        status.put("payload_off", "offline");
        status.put("qos", 1);
        return Components.bytes(root);
    }

    /** A person's device: see {@link PersonConfig}. */
    public byte[] person(String id, String name) {
        return person.build(id, name);
    }

    /** A display's device: one JSON-schema light, the device's main feature (no name of its own). */
    public byte[] display(String id, String name) {
        ObjectNode root = components.root(Kind.DISPLAY, id, name, "LED display");
        ObjectNode cmps = root.putObject("components");
        ObjectNode l =
                components.component(cmps, Kind.DISPLAY, id, "light", "light", null, topics.displayAvailability(id));
        l.put("schema", "json");
        l.put("state_topic", topics.displayState(id).name());
        l.put("command_topic", topics.displaySet(id).name());
        l.putArray("supported_color_modes").add("rgb");
        l.put("brightness", true);
        l.put("effect", true);
        ArrayNode effects = l.putArray("effect_list");
        LightState.EFFECTS.forEach(effects::add);
        l.put("flash", false);
        l.put("transition", false);
        l.put("retain", false);
        return Components.bytes(root);
    }
}
