package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.protocol.presence.Status;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two-broker mode: the bridge removes from Home Assistant's broker what it put there, and only that. */
class TwoBrokerCleanupIT extends TwoBrokerFixture {
    /**
     * Issue 11: the mirror cleared every retained OnAir topic on Home Assistant's broker that it did not know, so on a
     * broker shared with other OnAir nodes it wiped their state. It removes only what it mirrored itself.
     */
    @Test
    void stateOnHomeAssistantsBrokerThatThisBridgeDidNotMirror_isLeftAlone() throws Exception {
        TestClient ha = haClient("ha-writer");
        awaitMirrored(ha);
        await().until(bridge::isInStep);
        bridge.stop();
        String other = "onair/person/ghost/presence";
        String ghost = presence("ghost", Status.BUSY);
        ha.publish(other, ghost, 1, true);
        ha.publish("onair/display/elsewhere/availability", "online", 1, true);

        restartBridge();
        TestClient watch = haClient("ha-watch-live");
        watch.subscribe("onair/#");
        await().until(() -> "online".equals(latest(watch, BRIDGE_AVAILABILITY).orElse(null)));
        // Past the learn window and the reconcile: a fresh client sees what is retained now.
        await().atMost(Duration.ofSeconds(30)).until(bridge::isInStep);
        alice.publish(PRESENCE, presence("alice", Status.AWAY), 1, true);
        await().until(() -> latest(watch, PRESENCE).orElse("").contains("\"status\":\"away\""));

        TestClient fresh = haClient("ha-fresh");
        fresh.subscribe("onair/#");
        await().until(() -> latest(fresh, PRESENCE).isPresent());
        assertThat(watch.received(other)).extracting(Received::payload).doesNotContain("");
        assertThat(latest(fresh, other)).contains(ghost);
        assertThat(latest(fresh, "onair/display/elsewhere/availability")).contains("online");
    }

    /** What it mirrored and the OnAir broker lost while the bridge was down is cleared: a restart still knows. */
    @Test
    void stateThisBridgeMirrored_andTheOnairBrokerLostWhileItWasDown_isClearedAfterARestart() throws Exception {
        TestClient ha = haClient("ha-writer");
        awaitMirrored(ha);
        // The record is written once start-up is over (before, the one an earlier run left may not have arrived).
        await().until(bridge::isInStep);
        bridge.stop();
        office.publish("onair/display/office/state", "", 1, true);
        office.publish("onair/display/office/availability", "", 1, true);
        TestClient watch = haClient("ha-ghost-watch");
        watch.subscribe("onair/display/office/#");
        await().until(() -> latest(watch, "onair/display/office/state").isPresent());

        restartBridge();

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "".equals(latest(watch, "onair/display/office/state").orElse(null))
                                && ""
                                        .equals(latest(watch, "onair/display/office/availability")
                                                .orElse(null)));
        TestClient fresh = haClient("ha-fresh");
        fresh.subscribe("onair/person/+/presence");
        await().until(() -> latest(fresh, PRESENCE).isPresent());
    }

    @Test
    void cleanOption_inTwoBrokerMode_removesConfigsAndMirroredStateFromHomeAssistantsBroker() {
        TestClient ha = haClient("ha-watch");
        ha.subscribe("homeassistant/device/+/config");
        awaitMirrored(ha);
        await().until(() ->
                latest(ha, "homeassistant/device/onair_person_alice/config").isPresent());
        bridge.stop();

        int code = dev.onair.runtime.config.Cli.run(
                new BridgeMain(),
                new String[] {
                    "bridge",
                    "--clean",
                    "--learn-window",
                    "500ms",
                    "--broker",
                    onair.tlsUrl(),
                    "--ca",
                    onair.caFile().toString(),
                    "--user",
                    "bridge",
                    "--password",
                    onair.password("bridge"),
                    "--bridge-id",
                    Fixtures.BRIDGE_ID,
                    "--ha-broker",
                    "mqtt://127.0.0.1:" + mosquitto.settings().address().port()
                },
                java.util.Map.of());

        assertThat(code).isZero();
        TestClient fresh = haClient("ha-after-clean");
        fresh.subscribe("#");
        fresh.publish("onair/person/alice/set", "auto", 1, false); // a marker: retained messages come before it
        await().until(() -> latest(fresh, "onair/person/alice/set").isPresent());
        assertThat(fresh.received())
                .extracting(Received::topic)
                .noneMatch(t -> t.startsWith("homeassistant/device/")
                        || t.endsWith("/presence")
                        || t.endsWith("/state")
                        || t.endsWith("/availability"));
    }
}
