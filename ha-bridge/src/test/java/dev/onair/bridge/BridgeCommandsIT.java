package dev.onair.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-broker mode: what Home Assistant sends through the configs reaches the node, and --clean. */
class BridgeCommandsIT extends BridgeFixture {
    @Test
    void selectCommand_reachesThePersonsSetTopic() throws Exception {
        publishTwoPeopleAndOffice();
        start(Fixtures.fast(broker.settings("bridge")));
        await().until(() -> configs(ALICE_CONFIG).size() == 1);
        JsonNode select =
                MAPPER.readTree(configs(ALICE_CONFIG).get(0).payload()).at("/components/override");
        assertThat(alice.subscribe("onair/person/alice/set")).isTrue();

        // What Home Assistant sends when the user picks an option: the bare option on command_topic.
        String option = select.get("options").get(3).asText();
        ha.publish(
                select.get("command_topic").asText(), option, select.get("qos").asInt(), false);

        await().until(() -> !alice.received("onair/person/alice/set").isEmpty());
        assertThat(alice.received("onair/person/alice/set").get(0).payload()).isEqualTo("do_not_disturb");
    }

    /** Issue 15: each override button's press (its payload_press on its command_topic) is the contract's override. */
    @Test
    void overrideButtonsPressed_sendTheirJsonOverridesToThePersonsSetTopic() throws Exception {
        publishTwoPeopleAndOffice();
        start(Fixtures.fast(broker.settings("bridge")));
        await().until(() -> configs(ALICE_CONFIG).size() == 1);
        JsonNode components =
                MAPPER.readTree(configs(ALICE_CONFIG).get(0).payload()).get("components");
        assertThat(alice.subscribe("onair/person/alice/set")).isTrue();

        List<String> pressed = new ArrayList<>();
        components.forEach(c -> {
            if (c.get("platform").asText().equals("button")) {
                // What Home Assistant does on a press: payload_press to command_topic, retained as the config says.
                String payload = c.get("payload_press").asText();
                assertThat(MosquittoClients.publish(
                                        broker,
                                        "ha",
                                        c.get("command_topic").asText(),
                                        payload,
                                        c.get("retain").asBoolean())
                                .exitCode())
                        .isZero();
                pressed.add(payload);
            }
        });

        await().until(() -> alice.received("onair/person/alice/set").size() == pressed.size());
        assertThat(alice.received("onair/person/alice/set"))
                .allMatch(r -> !r.retain())
                .extracting(Received::payload)
                .containsExactly(
                        "{\"status\":\"busy\",\"for\":\"PT30M\"}",
                        "{\"status\":\"busy\",\"for\":\"PT1H\"}",
                        "{\"status\":\"do_not_disturb\",\"for\":\"PT1H\"}",
                        "{\"status\":\"do_not_disturb\"}",
                        "{\"status\":\"auto\"}");
    }

    @Test
    void lightCommand_reachesTheDisplaysSetTopic() throws Exception {
        publishTwoPeopleAndOffice();
        start(Fixtures.fast(broker.settings("bridge")));
        await().until(() -> configs(OFFICE_CONFIG).size() == 1);
        JsonNode light =
                MAPPER.readTree(configs(OFFICE_CONFIG).get(0).payload()).at("/components/light");
        assertThat(office.subscribe("onair/display/office/set")).isTrue();

        // Home Assistant's JSON light turn_on with an effect from effect_list and a brightness.
        String command = "{\"state\":\"ON\",\"brightness\":77,\"effect\":\""
                + light.get("effect_list").get(1).asText() + "\"}";
        ha.publish(light.get("command_topic").asText(), command, 1, false);

        await().until(() -> !office.received("onair/display/office/set").isEmpty());
        assertThat(office.received("onair/display/office/set").get(0).payload()).isEqualTo(command);
    }

    @Test
    void cleanOption_removesEveryOnairDeviceFromHomeAssistant() {
        publishTwoPeopleAndOffice();
        BridgeNode running = start(Fixtures.fast(broker.settings("bridge")));
        await().until(() ->
                configs(OFFICE_CONFIG).size() == 1 && configs(BRIDGE_CONFIG).size() == 1);
        running.stop();

        int code = cleanWithCli();

        assertThat(code).isZero();
        await().until(() -> List.of(ALICE_CONFIG, BOB_CONFIG, OFFICE_CONFIG, BRIDGE_CONFIG).stream()
                .allMatch(t ->
                        configs(t).size() == 2 && configs(t).get(1).payload().isEmpty()));
        // The people's own retained state is not the bridge's to remove.
        try (TestClient probe = client("ha", "ha-state-probe")) {
            probe.subscribe("onair/person/alice/presence");
            await().until(() -> !probe.received("onair/person/alice/presence").isEmpty());
        }
    }
}
