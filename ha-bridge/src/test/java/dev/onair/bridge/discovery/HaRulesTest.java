package dev.onair.bridge.discovery;

import static dev.onair.bridge.discovery.ConfigAssert.BRIDGE_ID;
import static dev.onair.bridge.discovery.ConfigAssert.MAPPER;
import static dev.onair.bridge.discovery.ConfigAssert.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.topic.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself: each rule of Home Assistant's it knows catches a payload that breaks it. */
class HaRulesTest {
    private static final String ALICE = "homeassistant/device/onair_person_alice/config";

    private final DeviceConfigs configs = new DeviceConfigs(Topics.defaults(), BRIDGE_ID);

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
        List<String> problems = HaRules.check(ALICE, bytes(root));
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
    void checker_catchesABadDurationSensor() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(configs.person("alice", "Alice"));
        ((ObjectNode) root.at("/components/calls_today")).put("unit_of_measurement", "minutes");
        ((ObjectNode) root.at("/components/busy_today")).put("state_class", "total_increase");
        ((ObjectNode) root.at("/components/unread")).put("device_class", "count");
        assertThat(HaRules.check(ALICE, bytes(root)))
                .anyMatch(p -> p.contains("calls_today: unit_of_measurement \"minutes\" is not a unit of duration"))
                .anyMatch(p -> p.contains("busy_today: state_class \"total_increase\""))
                .anyMatch(p -> p.contains("unread: device_class \"count\""));
    }

    @Test
    void checker_catchesABadButton() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(configs.person("alice", "Alice"));
        ObjectNode busy = (ObjectNode) root.at("/components/override_busy_30m");
        busy.set("payload_pres", busy.remove("payload_press"));
        busy.put("device_class", "override");
        busy.put("state_topic", "onair/person/alice/presence");
        ((ObjectNode) root.at("/components/override_auto")).remove("command_topic");
        assertThat(HaRules.check(ALICE, bytes(root)))
                .anyMatch(p -> p.contains("override_busy_30m: unknown key 'payload_pres'"))
                .anyMatch(p -> p.contains("override_busy_30m: unknown key 'state_topic'"))
                .anyMatch(p -> p.contains("override_busy_30m: device_class \"override\""))
                .anyMatch(p -> p.contains("override_auto: required key 'command_topic' is missing"));
    }
}
