package dev.onair.bridge.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;

/**
 * Builds the device-based discovery payloads of CONTRACT.md section 7, with full key names (no abbreviations), so a
 * reader can check them against Home Assistant's schemas. Every component carries its own availability list (mode
 * {@code all}: the bridge and the node), so it stays right whatever Home Assistant version merges shared options.
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

    public DeviceConfigs(Topics topics) {
        this.topics = topics;
    }

    /** {@code homeassistant/device/onair_bridge/config}: not in the contract's table, see the class comment. */
    public Topic bridgeConfigTopic() {
        return new Topic(topics.discoveryPrefix() + "/device/" + BRIDGE_DEVICE + "/config");
    }

    public Topic configTopic(Kind kind, String id) {
        return topics.discoveryConfig(kind, id);
    }

    /** The bridge's own device, with a connectivity sensor on {@code onair/bridge/availability}. */
    public byte[] bridge() {
        ObjectNode root = StrictJson.MAPPER.createObjectNode();
        ObjectNode device = root.putObject("device");
        device.putArray("identifiers").add(BRIDGE_DEVICE);
        device.put("name", "OnAir Bridge");
        device.put("manufacturer", Origin.MANUFACTURER);
        device.put("model", "Home Assistant bridge");
        device.put("sw_version", Origin.version());
        origin(root);
        ObjectNode status = root.putObject("components").putObject("status");
        status.put("platform", "binary_sensor");
        status.put("unique_id", BRIDGE_DEVICE + "_status");
        status.put("default_entity_id", "binary_sensor." + BRIDGE_DEVICE + "_status");
        status.put("name", "Status");
        status.put("device_class", "connectivity");
        status.put("entity_category", "diagnostic");
        status.put("state_topic", topics.bridgeAvailability().name());
        status.put("payload_on", "online");
        status.put("payload_off", "offline");
        status.put("qos", 1);
        return bytes(root);
    }

    /**
     * A person's device: presence and activity (enum sensors), busy, in_call, camera and mic (binary sensors), the
     * unread count (a sensor), and the override select.
     */
    public byte[] person(String id, String name) {
        ObjectNode root = root(Kind.PERSON, id, name, "Person presence");
        ObjectNode cmps = root.putObject("components");
        Topic presence = topics.personPresence(id);
        Topic availability = topics.personAvailability(id);

        ObjectNode p = component(cmps, Kind.PERSON, id, "presence", "sensor", "Presence", availability);
        p.put("device_class", "enum");
        ArrayNode statuses = p.putArray("options");
        for (Status s : Status.values()) {
            statuses.add(s.wire());
        }
        p.put("state_topic", presence.name());
        p.put("value_template", "{{ value_json.status }}");
        p.put("icon", "mdi:account-clock");

        ObjectNode a = component(cmps, Kind.PERSON, id, "activity", "sensor", "Activity", availability);
        a.put("device_class", "enum");
        ArrayNode activities = a.putArray("options");
        for (Activity act : Activity.values()) {
            activities.add(act.wire());
        }
        a.put("state_topic", presence.name());
        a.put("value_template", "{{ value_json.activity }}");
        a.put("icon", "mdi:account-details");

        ObjectNode busy = component(cmps, Kind.PERSON, id, "busy", "binary_sensor", "Busy", availability);
        busy.put("state_topic", presence.name());
        busy.put("value_template", "{{ 'ON' if value_json.status in ['busy', 'do_not_disturb'] else 'OFF' }}");
        busy.put("payload_on", "ON");
        busy.put("payload_off", "OFF");
        busy.put("icon", "mdi:account-cancel");

        ObjectNode call = component(cmps, Kind.PERSON, id, "in_call", "binary_sensor", "In call", availability);
        call.put("state_topic", presence.name());
        // "None" is Home Assistant's payload for "unknown": in_call is null when the publisher cannot tell.
        call.put(
                "value_template",
                "{{ 'None' if value_json.in_call is none else ('ON' if value_json.in_call else 'OFF') }}");
        call.put("payload_on", "ON");
        call.put("payload_off", "OFF");
        call.put("icon", "mdi:phone");

        ObjectNode camera = component(cmps, Kind.PERSON, id, "camera", "binary_sensor", "Camera", availability);
        nullableBoolean(camera, presence, "camera");
        camera.put("icon", "mdi:webcam");

        ObjectNode mic = component(cmps, Kind.PERSON, id, "mic", "binary_sensor", "Microphone", availability);
        nullableBoolean(mic, presence, "mic");
        mic.put("icon", "mdi:microphone");

        ObjectNode unread = component(cmps, Kind.PERSON, id, "unread", "sensor", "Unread", availability);
        unread.put("state_topic", presence.name());
        // A payload from before the field has none: "None" makes the state unknown, not 0.
        unread.put(
                "value_template",
                "{{ value_json.unread if value_json.unread is defined and value_json.unread is not none"
                        + " else 'None' }}");
        unread.put("state_class", "measurement");
        unread.put("icon", "mdi:bell-badge");

        ObjectNode o = component(cmps, Kind.PERSON, id, "override", "select", "Override", availability);
        ArrayNode options = o.putArray("options");
        options.add("auto");
        for (Status s : Status.values()) {
            if (s != Status.UNKNOWN) {
                options.add(s.wire());
            }
        }
        o.put("command_topic", topics.personSet(id).name());
        o.put("retain", false);
        o.put("state_topic", presence.name());
        o.put("value_template", "{{ value_json.status if value_json.source == 'override' else 'auto' }}");
        o.put("icon", "mdi:account-switch");
        return bytes(root);
    }

    /** A display's device: one JSON-schema light, the device's main feature (no name of its own). */
    public byte[] display(String id, String name) {
        ObjectNode root = root(Kind.DISPLAY, id, name, "LED display");
        ObjectNode cmps = root.putObject("components");
        ObjectNode l = component(cmps, Kind.DISPLAY, id, "light", "light", null, topics.displayAvailability(id));
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
        return bytes(root);
    }

    /**
     * A binary sensor of a presence field that may be true, false, null or (in payloads from before it) absent; the
     * last two are Home Assistant's "None", unknown.
     */
    private static void nullableBoolean(ObjectNode c, Topic presence, String field) {
        String v = "value_json." + field;
        c.put("state_topic", presence.name());
        c.put(
                "value_template",
                "{{ 'None' if " + v + " is not defined or " + v + " is none else ('ON' if " + v + " else 'OFF') }}");
        c.put("payload_on", "ON");
        c.put("payload_off", "OFF");
    }

    private ObjectNode root(Kind kind, String id, String name, String model) {
        ObjectNode root = StrictJson.MAPPER.createObjectNode();
        ObjectNode device = root.putObject("device");
        device.putArray("identifiers").add(Topics.deviceId(kind, id));
        device.put("name", name);
        device.put("manufacturer", Origin.MANUFACTURER);
        device.put("model", model);
        device.put("via_device", BRIDGE_DEVICE);
        origin(root);
        return root;
    }

    private static void origin(ObjectNode root) {
        ObjectNode origin = root.putObject("origin");
        origin.put("name", Origin.NAME);
        origin.put("sw_version", Origin.version());
        if (Origin.SUPPORT_URL != null) {
            origin.put("support_url", Origin.SUPPORT_URL);
        }
    }

    private ObjectNode component(
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
        availability.addObject().put("topic", topics.bridgeAvailability().name());
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

    private static byte[] bytes(ObjectNode root) {
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
