package dev.onair.bridge.discovery;

import static dev.onair.bridge.discovery.ConfigAssert.BRIDGE_ID;
import static dev.onair.bridge.discovery.ConfigAssert.MAPPER;
import static dev.onair.bridge.discovery.ConfigAssert.assertOrigin;
import static dev.onair.bridge.discovery.ConfigAssert.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The display's and the bridge's discovery payloads, and what every config shares (CONTRACT.md section 7). */
class DeviceConfigsTest {
    private final DeviceConfigs configs = new DeviceConfigs(Topics.defaults(), BRIDGE_ID);

    @Test
    void displayAndBridgeConfigs_passHomeAssistantRules() {
        assertThat(HaRules.check(
                        "homeassistant/device/onair_display_office/config", configs.display("office", "Office")))
                .isEmpty();
        assertThat(HaRules.check(configs.bridgeConfigTopic().name(), configs.bridge()))
                .isEmpty();
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
                        + "\"availability\":[{\"topic\":\"onair/bridge/pi/availability\"},"
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
        assertThat(status.get("state_topic").asText()).isEqualTo("onair/bridge/pi/availability");
        assertThat(status.get("payload_on").asText()).isEqualTo("online");
        assertThat(status.get("payload_off").asText()).isEqualTo("offline");
        assertThat(status.get("device_class").asText()).isEqualTo("connectivity");
        assertThat(status.has("availability")).isFalse();
        assertOrigin(root.get("origin"));
    }

    @Test
    void everyComponent_namesItsOwnBridgesAvailability_neverTheSharedTopic() throws Exception {
        DeviceConfigs other = new DeviceConfigs(Topics.defaults(), "office-pc");
        for (byte[] payload : List.of(other.person("alice", "Alice"), other.display("office", "Office"))) {
            MAPPER.readTree(payload)
                    .get("components")
                    .forEach(c -> assertThat(c.at("/availability/0/topic").asText())
                            .isEqualTo("onair/bridge/office-pc/availability"));
        }
        assertThat(MAPPER.readTree(other.bridge())
                        .at("/components/status/state_topic")
                        .asText())
                .isEqualTo("onair/bridge/office-pc/availability");
        assertThat(new String(other.person("alice", "Alice"))).doesNotContain("\"onair/bridge/availability\"");
        assertThatThrownBy(() -> new DeviceConfigs(Topics.defaults(), "Office PC"))
                .hasMessageContaining("bridge id 'Office PC'");
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
    void configTopics_followTheContract() {
        assertThat(configs.configTopic(Kind.PERSON, "alice").name())
                .isEqualTo("homeassistant/device/onair_person_alice/config");
        assertThat(new DeviceConfigs(new Topics("onair", "ha"), BRIDGE_ID)
                        .configTopic(Kind.DISPLAY, "office")
                        .name())
                .isEqualTo("ha/device/onair_display_office/config");
    }
}
