package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.bridge.discovery.DeviceConfigs;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: bridges before it all wrote {@code onair/bridge/availability}. An upgraded bridge moves its configs to its
 * own topic and clears what the shared one still holds when its own earlier configs named it; otherwise the topic
 * belongs to some other bridge and stays.
 */
class LegacyBridgeTopicIT extends BridgeFixture {
    private static final String LEGACY = "onair/bridge/availability";

    @Test
    void sharedTopicLeftByThisBridgesEarlierVersion_isClearedOnceItsConfigsMoved() {
        TestClient watch = leftByTheBridgeBeforeIssue11();

        BridgeNode bridge = start(Fixtures.fast(broker.settings("bridge")));

        await().until(() ->
                watch.received(LEGACY).stream().anyMatch(r -> r.payload().isEmpty()));
        await().until(bridge::isInStep);
        assertThat(configs(ALICE_CONFIG))
                .extracting(Received::payload)
                .last()
                .asString()
                .contains("onair/bridge/pi/availability")
                .doesNotContain("\"" + LEGACY + "\"");
    }

    @Test
    void cleanOption_clearsTheSharedTopic_whenAConfigItFoundNamedIt() {
        TestClient watch = leftByTheBridgeBeforeIssue11();

        int code = cleanWithCli();

        assertThat(code).isZero();
        await().until(() -> watch.received(LEGACY).stream()
                        .anyMatch(r -> r.payload().isEmpty())
                && configs(ALICE_CONFIG).stream().anyMatch(r -> r.payload().isEmpty()));
    }

    /** What a bridge before issue 11 left: alice's config naming the shared topic, and its last "offline" there. */
    private TestClient leftByTheBridgeBeforeIssue11() {
        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true);
        String old = new String(
                        new DeviceConfigs(Topics.defaults(), Fixtures.BRIDGE_ID).person("alice", "alice"),
                        StandardCharsets.UTF_8)
                .replace("onair/bridge/" + Fixtures.BRIDGE_ID + "/availability", LEGACY);
        try (TestClient oldBridge = client("bridge", "onair-bridge")) {
            oldBridge.publish(ALICE_CONFIG, old, 1, true);
            oldBridge.publish(LEGACY, "offline", 1, true);
        }
        TestClient watch = client("ha", "ha-legacy-watch");
        watch.subscribe(LEGACY);
        await().until(() ->
                !watch.received(LEGACY).isEmpty() && !configs(ALICE_CONFIG).isEmpty());
        return watch;
    }

    @Test
    void sharedTopicNoConfigOfThisBridgeNamed_isLeftAlone() {
        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true);
        try (TestClient other = client("bridge", "onair-bridge-elsewhere")) {
            other.publish(LEGACY, "online", 1, true);
        }

        BridgeNode bridge = start(Fixtures.fast(broker.settings("bridge")));
        await().until(() -> bridge.isInStep() && !configs(ALICE_CONFIG).isEmpty());

        try (TestClient probe = client("ha", "ha-legacy-probe")) {
            probe.subscribe(LEGACY);
            await().until(() -> !probe.received(LEGACY).isEmpty());
            assertThat(probe.received(LEGACY)).extracting(Received::payload).containsExactly("online");
        }
    }
}
