package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.displayState;
import static dev.onair.bridge.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.bridge.discovery.DeviceConfigs;
import dev.onair.bridge.discovery.HaRulesAccess;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two-broker mode: state and discovery go to Home Assistant's broker, commands come back, nothing loops. */
class TwoBrokerIT extends TwoBrokerFixture {
    @Test
    void stateAndDiscovery_appearOnHomeAssistantsBroker() throws Exception {
        TestClient ha = haClient("ha-observer");
        ha.subscribe("onair/#");
        ha.subscribe("homeassistant/device/+/config");

        await().until(() -> latest(ha, PRESENCE).isPresent()
                && latest(ha, "onair/display/office/state").isPresent()
                && latest(ha, "onair/person/alice/availability").isPresent()
                && latest(ha, "onair/display/office/availability").isPresent()
                && latest(ha, "homeassistant/device/onair_person_alice/config").isPresent()
                && latest(ha, "homeassistant/device/onair_display_office/config")
                        .isPresent()
                && latest(ha, "homeassistant/device/onair_bridge/config").isPresent()
                && "online".equals(latest(ha, BRIDGE_AVAILABILITY).orElse(null)));
        assertThat(latest(ha, PRESENCE)).contains(retained(alice, PRESENCE));
        assertThat(latest(ha, "onair/display/office/state")).contains(displayState());
        DeviceConfigs expected = new DeviceConfigs(Topics.defaults(), Fixtures.BRIDGE_ID);
        String config =
                latest(ha, "homeassistant/device/onair_person_alice/config").orElseThrow();
        assertThat(config).isEqualTo(new String(expected.person("alice", "alice"), StandardCharsets.UTF_8));
        assertThat(HaRulesAccess.check(
                        "homeassistant/device/onair_person_alice/config", config.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // Discovery goes only to Home Assistant's broker in this mode.
        TestClient viewer = onairClient("bridge", "onair-viewer");
        viewer.subscribe("homeassistant/device/+/config");
        viewer.subscribe(BRIDGE_AVAILABILITY);
        await().until(() -> !viewer.received(BRIDGE_AVAILABILITY).isEmpty());
        assertThat(viewer.received().stream().filter(r -> r.topic().startsWith("homeassistant/")))
                .isEmpty();
    }

    @Test
    void commandsPublishedOnHomeAssistantsBroker_reachTheOnairBroker_andNothingElse() {
        alice.subscribe("onair/person/alice/set");
        office.subscribe("onair/display/office/set");
        TestClient ha = haClient("ha-commands");
        awaitMirrored(ha);

        ha.publish("onair/person/alice/set", "not-a-status", 1, false);
        ha.publish("onair/person/alice/set", "do_not_disturb", 1, false);
        ha.publish("onair/display/office/set", "{\"state\":\"ON\",\"effect\":\"rainbow\"}", 1, false);

        await().until(() -> !office.received("onair/display/office/set").isEmpty());
        // Commands are forwarded in order on one thread: the invalid one would have arrived first.
        assertThat(alice.received("onair/person/alice/set"))
                .extracting(Received::payload)
                .containsExactly("do_not_disturb");
        assertThat(office.received("onair/display/office/set"))
                .extracting(Received::payload)
                .containsExactly("{\"state\":\"ON\",\"effect\":\"rainbow\"}");
    }

    @Test
    void noMessageLoops_eachMessageCrossesOnceInItsDirection() {
        TestClient onairWatch = onairClient("bridge", "onair-watch");
        onairWatch.subscribe("onair/#");
        TestClient haWatch = haClient("ha-watch");
        haWatch.subscribe("onair/#");
        TestClient ha = haClient("ha-commands");
        awaitMirrored(haWatch);
        int onairPresence = onairWatch.received(PRESENCE).size();
        int haPresence = haWatch.received(PRESENCE).size();

        alice.publish(PRESENCE, presence("alice", Status.AWAY), 1, true);
        await().until(() -> haWatch.received(PRESENCE).size() == haPresence + 1);
        ha.publish("onair/person/alice/set", "busy", 1, false);
        await().until(() -> onairWatch.received("onair/person/alice/set").size() == 1);
        // A sentinel: once it has crossed, any echo of what came before would have crossed too.
        alice.publish(PRESENCE, presence("alice", Status.AVAILABLE), 1, true);
        await().until(() -> haWatch.received(PRESENCE).size() == haPresence + 2);

        assertThat(onairWatch.received(PRESENCE)).hasSize(onairPresence + 2);
        assertThat(haWatch.received(PRESENCE)).hasSize(haPresence + 2);
        assertThat(onairWatch.received("onair/person/alice/set")).hasSize(1);
        assertThat(haWatch.received("onair/person/alice/set")).hasSize(1);
        assertThat(onairWatch.received().stream().filter(r -> r.topic().startsWith("homeassistant/")))
                .isEmpty();
    }

    @Test
    void malformedState_isNotMirrored_andHomeAssistantKeepsTheLastGoodOne() {
        TestClient ha = haClient("ha-observer");
        ha.subscribe("onair/#");
        awaitMirrored(ha);
        String good = retained(alice, PRESENCE);

        alice.publish(PRESENCE, "{\"v\":1,\"person\":\"alice\",\"status\":\"sleeping\"}", 1, true);
        // A topic outside the contract ("onair/person/alice/nonsense") no longer reaches the mirror at all: the broker
        // refuses it from a publisher since issue 11 (RetainedBoundsIT), so only the malformed presence is tried here.
        String next = presence("alice", Status.AWAY);
        alice.publish(PRESENCE, next, 1, true);

        await().until(() -> latest(ha, PRESENCE).orElse("").equals(next));
        assertThat(ha.received(PRESENCE)).extracting(Received::payload).containsExactly(good, next);
    }

    @Test
    void bothBrokersRestartedInTurn_stateConverges() throws Exception {
        TestClient ha = haClient("ha-before");
        awaitMirrored(ha);
        ha.close();

        // Home Assistant's broker goes away; OnAir state changes meanwhile.
        mosquitto.stop();
        String whileHaDown = presence("alice", Status.AWAY);
        alice.publish(PRESENCE, whileHaDown, 1, true);
        mosquitto.start();
        TestClient afterHa = haClient("ha-after-ha-restart");
        afterHa.subscribe("onair/#");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> latest(afterHa, PRESENCE).orElse("").equals(whileHaDown));

        // The OnAir broker restarts: the bridge says so on Home Assistant's broker, then catches up.
        alice.close();
        office.close();
        onair.restart();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "offline".equals(latest(afterHa, BRIDGE_AVAILABILITY).orElse(null)));
        TestClient alice2 = onairClient("alice", "alice-again");
        String afterOnairRestart = presence("alice", Status.DO_NOT_DISTURB);
        alice2.publish(PRESENCE, afterOnairRestart, 1, true);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> latest(afterHa, PRESENCE).orElse("").equals(afterOnairRestart)
                        && "online".equals(latest(afterHa, BRIDGE_AVAILABILITY).orElse(null)));
        TestClient fresh = haClient("ha-fresh");
        fresh.subscribe("onair/#");
        fresh.subscribe("homeassistant/device/+/config");
        await().until(() -> latest(fresh, PRESENCE).orElse("").equals(afterOnairRestart)
                && latest(fresh, "onair/display/office/state").isPresent()
                && latest(fresh, "homeassistant/device/onair_person_alice/config")
                        .isPresent());
    }
}
