package dev.onair.bridge.discovery;

import static dev.onair.bridge.discovery.ConfigAssert.BRIDGE_ID;
import static dev.onair.bridge.discovery.ConfigAssert.MAPPER;
import static dev.onair.bridge.discovery.ConfigAssert.assertAvailability;
import static dev.onair.bridge.discovery.ConfigAssert.assertComponent;
import static dev.onair.bridge.discovery.ConfigAssert.assertOrigin;
import static dev.onair.bridge.discovery.ConfigAssert.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.bridge.today.Totals;
import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A person's discovery payload, key by key, against Home Assistant's rules and CONTRACT.md section 7. */
class PersonConfigTest {
    private static final List<String> PRESENCE_COMPONENTS =
            List.of("presence", "activity", "busy", "in_call", "camera", "mic", "unread", "override");
    private static final List<String> BUTTONS =
            List.of("override_busy_30m", "override_busy_1h", "override_dnd_1h", "override_dnd", "override_auto");

    private final DeviceConfigs configs = new DeviceConfigs(Topics.defaults(), BRIDGE_ID);

    @Test
    void personConfigs_forTwoPeople_passHomeAssistantRules() {
        assertThat(HaRules.check("homeassistant/device/onair_person_alice/config", configs.person("alice", "Alice")))
                .isEmpty();
        assertThat(HaRules.check(
                        "homeassistant/device/onair_person_bob-smith/config", configs.person("bob-smith", "Bob Smith")))
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
        List<String> all = new ArrayList<>(PRESENCE_COMPONENTS);
        all.addAll(List.of("calls_today", "busy_today"));
        all.addAll(BUTTONS);
        assertThat(fields(c)).containsExactlyElementsOf(all);

        assertComponent(
                c.get("presence"),
                "sensor",
                "onair_person_alice_presence",
                "sensor.onair_alice_presence",
                "Presence",
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
                "device_class",
                "options",
                "state_topic",
                "value_template",
                "icon");
        assertThat(HaRules.strings(c.at("/activity/options")))
                .containsExactlyElementsOf(
                        List.of(Activity.values()).stream().map(Activity::wire).toList());
        for (String[] b :
                new String[][] {{"busy", "Busy"}, {"in_call", "In call"}, {"camera", "Camera"}, {"mic", "Microphone"}
                }) {
            assertComponent(
                    c.get(b[0]),
                    "binary_sensor",
                    "onair_person_alice_" + b[0],
                    "binary_sensor.onair_alice_" + b[0],
                    b[1],
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
                "options",
                "command_topic",
                "retain",
                "state_topic",
                "value_template",
                "icon");
        assertThat(HaRules.strings(c.at("/override/options")))
                .containsExactly("auto", "available", "busy", "do_not_disturb", "be_right_back", "away", "offline");
        assertThat(c.at("/override/command_topic").asText()).isEqualTo("onair/person/alice/set");
        for (String key : PRESENCE_COMPONENTS) {
            assertThat(c.at("/" + key + "/state_topic").asText()).isEqualTo("onair/person/alice/presence");
        }
        for (String key : all) {
            assertAvailability(c.get(key), "onair/person/alice/availability");
        }
    }

    @Test
    void minutesToday_areDurationSensorsInMinutes_readFromTheBridgesTotals() throws Exception {
        JsonNode c = MAPPER.readTree(configs.person("alice", "Alice")).get("components");
        for (String[] s :
                new String[][] {{"calls_today", "Calls today", "calls_min"}, {"busy_today", "Busy today", "busy_min"}
                }) {
            JsonNode sensor = c.get(s[0]);
            assertComponent(
                    sensor,
                    "sensor",
                    "onair_person_alice_" + s[0],
                    "sensor.onair_alice_" + s[0],
                    s[1],
                    "state_topic",
                    "value_template",
                    "device_class",
                    "unit_of_measurement",
                    "state_class",
                    "suggested_display_precision",
                    "icon");
            assertThat(sensor.get("device_class").asText()).isEqualTo("duration");
            assertThat(sensor.get("unit_of_measurement").asText()).isEqualTo("min");
            assertThat(sensor.get("state_class").asText()).isEqualTo("total_increasing");
            assertThat(sensor.get("state_topic").asText()).isEqualTo("onair/bridge/pi/today/alice");
            assertThat(sensor.get("value_template").asText()).isEqualTo("{{ value_json." + s[2] + " }}");
        }
        // The template reads a field the totals payload has.
        JsonNode totals = MAPPER.readTree(new Totals(LocalDate.parse("2026-12-02"), 2530, 5712).toJson());
        assertThat(totals.get("calls_min").asLong()).isEqualTo(42);
        assertThat(totals.get("busy_min").asLong()).isEqualTo(95);
    }

    @Test
    void overrideButtons_pressSendTheContractsJsonOverrides() throws Exception {
        JsonNode c = MAPPER.readTree(configs.person("alice", "Alice")).get("components");
        List<OverrideCommand> sent = new ArrayList<>();
        for (String key : BUTTONS) {
            JsonNode button = c.get(key);
            assertComponent(
                    button,
                    "button",
                    "onair_person_alice_" + key,
                    "button.onair_alice_" + key,
                    button.get("name").asText(),
                    "command_topic",
                    "payload_press",
                    "retain",
                    "icon");
            assertThat(button.get("command_topic").asText()).isEqualTo("onair/person/alice/set");
            assertThat(button.get("retain").asBoolean()).isFalse();
            sent.add(OverrideCommand.parse(button.get("payload_press").asText().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(sent)
                .containsExactly(
                        OverrideCommand.of(Status.BUSY, Duration.ofMinutes(30)),
                        OverrideCommand.of(Status.BUSY, Duration.ofHours(1)),
                        OverrideCommand.of(Status.DO_NOT_DISTURB, Duration.ofHours(1)),
                        OverrideCommand.of(Status.DO_NOT_DISTURB, null),
                        OverrideCommand.auto());
        assertThat(c.at("/override_busy_30m/payload_press").asText())
                .isEqualTo("{\"status\":\"busy\",\"for\":\"PT30M\"}");
        assertThat(c.at("/override_auto/payload_press").asText()).isEqualTo("{\"status\":\"auto\"}");
    }

    @Test
    void idWithDash_givesAValidEntityId() throws Exception {
        JsonNode root = MAPPER.readTree(configs.person("bob-smith", "Bob"));
        assertThat(root.at("/components/busy/default_entity_id").asText())
                .isEqualTo("binary_sensor.onair_bob_smith_busy");
        assertThat(root.at("/components/busy/unique_id").asText()).isEqualTo("onair_person_bob-smith_busy");
        assertThat(root.at("/components/override_busy_1h/default_entity_id").asText())
                .isEqualTo("button.onair_bob_smith_override_busy_1h");
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
        for (String key : PRESENCE_COMPONENTS) {
            Matcher m = ref.matcher(components.at("/" + key + "/value_template").asText());
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        assertThat(referenced).isNotEmpty().allMatch(fields::contains);
        // Binary sensors must print exactly their payloads, or Home Assistant ignores the state.
        for (String key : List.of("busy", "in_call", "camera", "mic")) {
            String template = components.at("/" + key + "/value_template").asText();
            assertThat(template).contains("'ON'").contains("'OFF'");
        }
    }
}
