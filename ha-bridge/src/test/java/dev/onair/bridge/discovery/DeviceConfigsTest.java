package dev.onair.bridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The discovery payloads, key by key, against Home Assistant's rules (ha-mqtt-rules.json) and CONTRACT.md s. 7. */
class DeviceConfigsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DeviceConfigs configs = new DeviceConfigs(Topics.defaults());

    @Test
    void personConfigs_forTwoPeople_passHomeAssistantRules() {
        assertThat(HaRules.check("homeassistant/device/onair_person_alice/config", configs.person("alice", "Alice")))
                .isEmpty();
        assertThat(HaRules.check(
                        "homeassistant/device/onair_person_bob-smith/config", configs.person("bob-smith", "Bob Smith")))
                .isEmpty();
    }

    @Test
    void displayAndBridgeConfigs_passHomeAssistantRules() {
        assertThat(HaRules.check(
                        "homeassistant/device/onair_display_office/config", configs.display("office", "Office")))
                .isEmpty();
        assertThat(HaRules.check(configs.bridgeConfigTopic().name(), configs.bridge()))
                .isEmpty();
    }

    @Test
    void personConfig_hasExactlyTheContractsComponentsAndKeys() throws Exception {
        JsonNode root = MAPPER.readTree(configs.person("alice", "Alice"));
        assertThat(fields(root)).containsExactlyInAnyOrder("device", "origin", "components");
        assertThat(root.get("device"))
                .isEqualTo(MAPPER.readTree("{\"identifiers\":[\"onair_person_alice\"],\"name\":\"Alice\","
                        + "\"manufacturer\":\"OnAir\",\"model\":\"Person presence\",\"via_device\":\"onair_bridge\"}"));
        assertOrigin(root.get("origin"));
        JsonNode c = root.get("components");
        assertThat(fields(c))
                .containsExactly("presence", "activity", "busy", "in_call", "camera", "mic", "unread", "override");

        Set<String> common = Set.of(
                "platform", "unique_id", "default_entity_id", "name", "availability", "availability_mode", "qos");
        assertComponent(
                c.get("presence"),
                "sensor",
                "onair_person_alice_presence",
                "sensor.onair_alice_presence",
                "Presence",
                common,
                "device_class",
                "options",
                "state_topic",
                "value_template",
                "icon");
        assertThat(c.at("/presence/device_class").asText()).isEqualTo("enum");
        assertThat(HaRules.strings(c.at("/presence/options")))
                .containsExactly("available", "busy", "do_not_disturb", "be_right_back", "away", "offline", "unknown");
        assertComponent(
                c.get("activity"),
                "sensor",
                "onair_person_alice_activity",
                "sensor.onair_alice_activity",
                "Activity",
                common,
                "device_class",
                "options",
                "state_topic",
                "value_template",
                "icon");
        assertThat(HaRules.strings(c.at("/activity/options")))
                .containsExactlyElementsOf(
                        List.of(Activity.values()).stream().map(Activity::wire).toList());
        assertComponent(
                c.get("busy"),
                "binary_sensor",
                "onair_person_alice_busy",
                "binary_sensor.onair_alice_busy",
                "Busy",
                common,
                "state_topic",
                "value_template",
                "payload_on",
                "payload_off",
                "icon");
        assertComponent(
                c.get("in_call"),
                "binary_sensor",
                "onair_person_alice_in_call",
                "binary_sensor.onair_alice_in_call",
                "In call",
                common,
                "state_topic",
                "value_template",
                "payload_on",
                "payload_off",
                "icon");
        for (String[] b : new String[][] {{"camera", "Camera"}, {"mic", "Microphone"}}) {
            assertComponent(
                    c.get(b[0]),
                    "binary_sensor",
                    "onair_person_alice_" + b[0],
                    "binary_sensor.onair_alice_" + b[0],
                    b[1],
                    common,
                    "state_topic",
                    "value_template",
                    "payload_on",
                    "payload_off",
                    "icon");
        }
        assertComponent(
                c.get("unread"),
                "sensor",
                "onair_person_alice_unread",
                "sensor.onair_alice_unread",
                "Unread",
                common,
                "state_topic",
                "value_template",
                "state_class",
                "icon");
        assertComponent(
                c.get("override"),
                "select",
                "onair_person_alice_override",
                "select.onair_alice_override",
                "Override",
                common,
                "options",
                "command_topic",
                "retain",
                "state_topic",
                "value_template",
                "icon");
        assertThat(HaRules.strings(c.at("/override/options")))
                .containsExactly("auto", "available", "busy", "do_not_disturb", "be_right_back", "away", "offline");
        assertThat(c.at("/override/command_topic").asText()).isEqualTo("onair/person/alice/set");
        for (String key : List.of("presence", "activity", "busy", "in_call", "camera", "mic", "unread", "override")) {
            assertThat(c.at("/" + key + "/state_topic").asText()).isEqualTo("onair/person/alice/presence");
            assertAvailability(c.get(key), "onair/person/alice/availability");
        }
    }

    @Test
    void displayConfig_isTheJsonSchemaLightOfTheContract() throws Exception {
        JsonNode root = MAPPER.readTree(configs.display("office", "Office panel"));
        assertThat(root.get("device"))
                .isEqualTo(MAPPER.readTree("{\"identifiers\":[\"onair_display_office\"],\"name\":\"Office panel\","
                        + "\"manufacturer\":\"OnAir\",\"model\":\"LED display\",\"via_device\":\"onair_bridge\"}"));
        assertOrigin(root.get("origin"));
        JsonNode light = root.at("/components/light");
        assertThat(fields(root.get("components"))).containsExactly("light");
        assertThat(light)
                .isEqualTo(MAPPER.readTree("{\"platform\":\"light\",\"unique_id\":\"onair_display_office_light\","
                        + "\"default_entity_id\":\"light.onair_office_light\",\"name\":null,"
                        + "\"availability\":[{\"topic\":\"onair/bridge/availability\"},"
                        + "{\"topic\":\"onair/display/office/availability\"}],\"availability_mode\":\"all\",\"qos\":1,"
                        + "\"schema\":\"json\",\"state_topic\":\"onair/display/office/state\","
                        + "\"command_topic\":\"onair/display/office/set\",\"supported_color_modes\":[\"rgb\"],"
                        + "\"brightness\":true,\"effect\":true,\"effect_list\":[\"presence\",\"rainbow\",\"solid\"],"
                        + "\"flash\":false,\"transition\":false,\"retain\":false}"));
        assertThat(HaRules.strings(light.get("effect_list"))).isEqualTo(LightState.EFFECTS);
    }

    @Test
    void bridgeConfig_isTheParentDeviceEveryPersonAndDisplayNames() throws Exception {
        JsonNode root = MAPPER.readTree(configs.bridge());
        assertThat(configs.bridgeConfigTopic().name()).isEqualTo("homeassistant/device/onair_bridge/config");
        assertThat(HaRules.strings(root.at("/device/identifiers"))).containsExactly(DeviceConfigs.BRIDGE_DEVICE);
        assertThat(root.at("/device/via_device").isMissingNode()).isTrue();
        JsonNode status = root.at("/components/status");
        assertThat(status.get("state_topic").asText()).isEqualTo("onair/bridge/availability");
        assertThat(status.get("payload_on").asText()).isEqualTo("online");
        assertThat(status.get("payload_off").asText()).isEqualTo("offline");
        assertThat(status.get("device_class").asText()).isEqualTo("connectivity");
        assertThat(status.has("availability")).isFalse();
        assertOrigin(root.get("origin"));
    }

    @Test
    void entityNames_neverRepeatTheDeviceName_andNoComponentHasObjectId() throws Exception {
        for (byte[] payload :
                List.of(configs.person("alice", "Alice"), configs.display("office", "Office"), configs.bridge())) {
            JsonNode root = MAPPER.readTree(payload);
            String device = root.at("/device/name").asText();
            root.get("components").forEach(c -> {
                assertThat(c.has("object_id")).isFalse();
                if (c.get("name").isTextual()) {
                    assertThat(c.get("name").asText()).doesNotContainIgnoringCase(device);
                }
            });
        }
    }

    @Test
    void idWithDash_givesAValidEntityId() throws Exception {
        JsonNode root = MAPPER.readTree(configs.person("bob-smith", "Bob"));
        assertThat(root.at("/components/busy/default_entity_id").asText())
                .isEqualTo("binary_sensor.onair_bob_smith_busy");
        assertThat(root.at("/components/busy/unique_id").asText()).isEqualTo("onair_person_bob-smith_busy");
    }

    @Test
    void templates_readOnlyFieldsThePresenceJsonHas() throws Exception {
        Presence p = new Presence(
                "alice",
                Status.BUSY,
                Activity.IN_A_CALL,
                Instant.parse("2026-11-22T09:00:00Z"),
                "teams-log",
                true,
                true,
                null);
        Set<String> fields = fields(MAPPER.readTree(PresenceCodec.encode(p)));
        Pattern ref = Pattern.compile("value_json\\.(\\w+)");
        JsonNode components = MAPPER.readTree(configs.person("alice", "Alice")).get("components");
        List<String> referenced = new ArrayList<>();
        components.forEach(c -> {
            Matcher m = ref.matcher(c.path("value_template").asText());
            while (m.find()) {
                referenced.add(m.group(1));
            }
        });
        assertThat(referenced).isNotEmpty().allMatch(fields::contains);
        // Binary sensors must print exactly their payloads, or Home Assistant ignores the state.
        for (String key : List.of("busy", "in_call", "camera", "mic")) {
            String template = components.at("/" + key + "/value_template").asText();
            assertThat(template).contains("'ON'").contains("'OFF'");
        }
    }

    @Test
    void checker_catchesWhatHomeAssistantWouldDrop() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(configs.person("alice", "Alice"));
        ObjectNode presence = (ObjectNode) root.at("/components/presence");
        presence.set("state_topc", presence.remove("state_topic"));
        presence.put("object_id", "x");
        presence.put("state_class", "measurement");
        ((ObjectNode) root.at("/components/override")).remove("unique_id");
        ((ObjectNode) root.at("/components/busy")).put("availability_mode", "every");
        ((ObjectNode) root.get("origin")).remove("name");
        root.put("schema", "json");
        List<String> problems = HaRules.check("homeassistant/device/onair_person_alice/config", bytes(root));
        assertThat(problems)
                .anyMatch(p -> p.contains("'state_topc'"))
                .anyMatch(p -> p.contains("'state_topic' is missing"))
                .anyMatch(p -> p.contains("'object_id'"))
                .anyMatch(p -> p.contains("exclude state_class"))
                .anyMatch(p -> p.contains("override: an entity platform needs unique_id"))
                .anyMatch(p -> p.contains("availability_mode \"every\""))
                .anyMatch(p -> p.contains("origin: required key 'name'"))
                .anyMatch(p -> p.contains("root: unknown key 'schema'"));

        ObjectNode display = (ObjectNode) MAPPER.readTree(configs.display("office", "Office"));
        ObjectNode light = (ObjectNode) display.at("/components/light");
        light.remove("schema");
        ((ArrayNode) light.get("supported_color_modes")).add("onoff");
        light.put("color_mode", true);
        light.put("default_entity_id", "onair_office_light");
        assertThat(HaRules.check("homeassistant/device/onair display/config", bytes(display)))
                .anyMatch(p -> p.contains("illegal discovery topic"))
                .anyMatch(p -> p.contains("'schema' is missing"))
                .anyMatch(p -> p.contains("onoff and brightness must be the only"))
                .anyMatch(p -> p.contains("'color_mode' was removed"))
                .anyMatch(p -> p.contains("default_entity_id 'onair_office_light'"));
    }

    @Test
    void configTopics_followTheContract() {
        assertThat(configs.configTopic(Kind.PERSON, "alice").name())
                .isEqualTo("homeassistant/device/onair_person_alice/config");
        assertThat(new DeviceConfigs(new Topics("onair", "ha"))
                        .configTopic(Kind.DISPLAY, "office")
                        .name())
                .isEqualTo("ha/device/onair_display_office/config");
    }

    private static void assertComponent(
            JsonNode c,
            String platform,
            String uniqueId,
            String defaultEntityId,
            String name,
            Set<String> common,
            String... specific) {
        Set<String> expected = new HashSet<>(common);
        expected.addAll(List.of(specific));
        assertThat(fields(c)).as(uniqueId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(c.get("platform").asText()).isEqualTo(platform);
        assertThat(c.get("unique_id").asText()).isEqualTo(uniqueId);
        assertThat(c.get("default_entity_id").asText()).isEqualTo(defaultEntityId);
        assertThat(c.get("name").asText()).isEqualTo(name);
        assertThat(c.get("qos").asInt()).isEqualTo(1);
    }

    private static void assertAvailability(JsonNode c, String nodeTopic) throws Exception {
        assertThat(c.get("availability"))
                .isEqualTo(MAPPER.readTree(
                        "[{\"topic\":\"onair/bridge/availability\"},{\"topic\":\"" + nodeTopic + "\"}]"));
        assertThat(c.get("availability_mode").asText()).isEqualTo("all");
    }

    private static void assertOrigin(JsonNode origin) {
        // No support_url while the root pom names no project URL (issue 12: the one it named did not exist).
        assertThat(fields(origin)).containsExactly("name", "sw_version");
        assertThat(origin.get("name").asText()).isEqualTo("OnAir");
        assertThat(origin.get("sw_version").asText()).isNotBlank();
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static byte[] bytes(JsonNode node) throws Exception {
        return MAPPER.writeValueAsBytes(node);
    }
}
