package dev.onair.bridge.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;

/**
 * A person's device config (CONTRACT.md section 7): presence and activity (enum sensors), busy, in_call, camera and
 * mic (binary sensors), the unread count, the override select, today's minutes in calls and busy (issue 15) and the
 * override buttons.
 */
final class PersonConfig {
    private final Topics topics;
    private final String bridgeId;
    private final Components components;

    PersonConfig(Topics topics, String bridgeId, Components components) {
        this.topics = topics;
        this.bridgeId = bridgeId;
        this.components = components;
    }

    byte[] build(String id, String name) {
        ObjectNode root = components.root(Kind.PERSON, id, name, "Person presence");
        ObjectNode cmps = root.putObject("components");
        Topic presence = topics.personPresence(id);
        Topic availability = topics.personAvailability(id);

        ObjectNode p = add(cmps, id, "presence", "sensor", "Presence", availability);
        enumSensor(p, presence, "status", Status.values());
        p.put("icon", "mdi:account-clock");

        ObjectNode a = add(cmps, id, "activity", "sensor", "Activity", availability);
        enumSensor(a, presence, "activity", Activity.values());
        a.put("icon", "mdi:account-details");

        ObjectNode busy = add(cmps, id, "busy", "binary_sensor", "Busy", availability);
        busy.put("state_topic", presence.name());
        busy.put("value_template", "{{ 'ON' if value_json.status in ['busy', 'do_not_disturb'] else 'OFF' }}");
        onOff(busy);
        busy.put("icon", "mdi:account-cancel");

        ObjectNode call = add(cmps, id, "in_call", "binary_sensor", "In call", availability);
        call.put("state_topic", presence.name());
        // "None" is Home Assistant's payload for "unknown": in_call is null when the publisher cannot tell.
        call.put(
                "value_template",
                "{{ 'None' if value_json.in_call is none else ('ON' if value_json.in_call else 'OFF') }}");
        onOff(call);
        call.put("icon", "mdi:phone");

        ObjectNode camera = add(cmps, id, "camera", "binary_sensor", "Camera", availability);
        nullableBoolean(camera, presence, "camera");
        camera.put("icon", "mdi:webcam");

        ObjectNode mic = add(cmps, id, "mic", "binary_sensor", "Microphone", availability);
        nullableBoolean(mic, presence, "mic");
        mic.put("icon", "mdi:microphone");

        ObjectNode unread = add(cmps, id, "unread", "sensor", "Unread", availability);
        unread.put("state_topic", presence.name());
        // A payload from before the field has none: "None" makes the state unknown, not 0.
        unread.put(
                "value_template",
                "{{ value_json.unread if value_json.unread is defined and value_json.unread is not none"
                        + " else 'None' }}");
        unread.put("state_class", "measurement");
        unread.put("icon", "mdi:bell-badge");

        ObjectNode o = add(cmps, id, "override", "select", "Override", availability);
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

        Topic today = topics.bridgeToday(bridgeId, id);
        minutesToday(add(cmps, id, "calls_today", "sensor", "Calls today", availability), today, "calls_min")
                .put("icon", "mdi:phone-clock");
        minutesToday(add(cmps, id, "busy_today", "sensor", "Busy today", availability), today, "busy_min")
                .put("icon", "mdi:briefcase-clock");

        for (OverrideButtons.Button b : OverrideButtons.ALL) {
            ObjectNode button = add(cmps, id, b.key(), "button", b.name(), availability);
            button.put("command_topic", topics.personSet(id).name());
            button.put("payload_press", new String(b.command().toJson(), StandardCharsets.UTF_8));
            button.put("retain", false);
            button.put("icon", b.icon());
        }
        return Components.bytes(root);
    }

    private ObjectNode add(ObjectNode cmps, String id, String key, String platform, String name, Topic availability) {
        return components.component(cmps, Kind.PERSON, id, key, platform, name, availability);
    }

    /**
     * Minutes today, from the bridge's retained totals ({@code onair/bridge/<bridge>/today/<person>}). Total
     * increasing: the drop to 0 at local midnight is a new cycle for Home Assistant's statistics, not a loss.
     */
    private static ObjectNode minutesToday(ObjectNode c, Topic today, String field) {
        c.put("state_topic", today.name());
        c.put("value_template", "{{ value_json." + field + " }}");
        c.put("device_class", "duration");
        c.put("unit_of_measurement", "min");
        c.put("state_class", "total_increasing");
        c.put("suggested_display_precision", 0);
        return c;
    }

    private static void enumSensor(ObjectNode c, Topic presence, String field, Enum<?>[] values) {
        c.put("device_class", "enum");
        ArrayNode options = c.putArray("options");
        for (Enum<?> v : values) {
            options.add(v instanceof Status s ? s.wire() : ((Activity) v).wire());
        }
        c.put("state_topic", presence.name());
        c.put("value_template", "{{ value_json." + field + " }}");
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
        onOff(c);
    }

    private static void onOff(ObjectNode c) {
        c.put("payload_on", "ON");
        c.put("payload_off", "OFF");
    }
}
