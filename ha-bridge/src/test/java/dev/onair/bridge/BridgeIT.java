package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.bridge.discovery.DeviceConfigs;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import dev.onair.testsupport.TestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-broker mode: the discovery configs Home Assistant gets, and when they change or go. */
class BridgeIT extends BridgeFixture {
    @Test
    void discovery_forTwoPeopleAndADisplay_isExactlyTheContractsAndPassesHomeAssistantRules() throws Exception {
        publishTwoPeopleAndOffice();
        start(Fixtures.fast(broker.settings("bridge")));

        await().until(() -> configs(ALICE_CONFIG).size() == 1
                && configs(BOB_CONFIG).size() == 1
                && configs(OFFICE_CONFIG).size() == 1
                && configs(BRIDGE_CONFIG).size() == 1);
        DeviceConfigs expected = new DeviceConfigs(Topics.defaults(), Fixtures.BRIDGE_ID);
        assertPayload(ALICE_CONFIG, expected.person("alice", "alice"));
        assertPayload(BOB_CONFIG, expected.person("bob", "bob"));
        assertPayload(OFFICE_CONFIG, expected.display("office", "office"));
        assertPayload(BRIDGE_CONFIG, expected.bridge());

        // Retained at QoS 1: a client connecting later gets every config with the retain flag.
        try (TestClient late = client("ha", "ha-late")) {
            late.subscribe("homeassistant/device/+/config");
            await().until(() -> late.received().size() == 4);
            assertThat(late.received()).allMatch(r -> r.retain() && r.qos() == 1);
        }

        // Only on change: a new status changes no config; a new person adds one config and nothing else.
        alice.publish("onair/person/alice/presence", presence("alice", Status.AVAILABLE), 1, true);
        broker.addUser("carol", Role.PUBLISHER);
        try (TestClient carol = client("carol")) {
            carol.publish("onair/person/carol/presence", presence("carol", Status.AWAY), 1, true);
            await().until(() ->
                    configs("homeassistant/device/onair_person_carol/config").size() == 1);
        }
        assertThat(configs(ALICE_CONFIG)).hasSize(1);
        assertThat(configs(BOB_CONFIG)).hasSize(1);
        assertThat(configs(BRIDGE_CONFIG)).hasSize(1);
    }

    @Test
    void birthMessage_republishesEveryConfig() {
        publishTwoPeopleAndOffice();
        start(Fixtures.fast(broker.settings("bridge")));
        await().until(() ->
                configs(OFFICE_CONFIG).size() == 1 && configs(BRIDGE_CONFIG).size() == 1);

        ha.publish("homeassistant/status", "online", 0, false);

        await().until(() -> configs(ALICE_CONFIG).size() == 2
                && configs(BOB_CONFIG).size() == 2
                && configs(OFFICE_CONFIG).size() == 2
                && configs(BRIDGE_CONFIG).size() == 2);
        assertThat(configs(ALICE_CONFIG).get(1).payload())
                .isEqualTo(configs(ALICE_CONFIG).get(0).payload());
    }

    @Test
    void personWhosePresenceIsRemoved_getsItsConfigCleared() {
        publishTwoPeopleAndOffice();
        start(Fixtures.fast(broker.settings("bridge")));
        await().until(() -> configs(BOB_CONFIG).size() == 1);

        bob.publish("onair/person/bob/presence", "", 1, true);

        await().until(() -> configs(BOB_CONFIG).size() == 2);
        assertThat(configs(BOB_CONFIG).get(1).payload()).isEmpty();
        assertThat(retainedConfigs()).doesNotContain(BOB_CONFIG).contains(ALICE_CONFIG, OFFICE_CONFIG);
    }

    @Test
    void personRemovedFromConfiguration_isClearedAtTheNextStart() {
        BridgeConfig listed = Fixtures.fast(broker.settings("bridge"))
                .withAutoDiscover(false)
                .withPeople(List.of(NodeName.parse("alice=Alice"), NodeName.parse("dave=Dave")));
        BridgeNode first = start(listed);
        await().until(() ->
                configs("homeassistant/device/onair_person_dave/config").size() == 1);
        first.stop();

        start(listed.withPeople(List.of(NodeName.parse("alice=Alice"))));

        await().until(() ->
                configs("homeassistant/device/onair_person_dave/config").size() == 2);
        assertThat(configs("homeassistant/device/onair_person_dave/config")
                        .get(1)
                        .payload())
                .isEmpty();
        // Alice's config was learned unchanged at start-up, so it was not published again.
        assertThat(configs(ALICE_CONFIG)).hasSize(1);
        assertThat(retainedConfigs()).containsExactlyInAnyOrder(ALICE_CONFIG, BRIDGE_CONFIG);
    }

    @Test
    void personOfflineAndSilentLongerThanGoneAfter_getsItsConfigCleared() {
        alice.publish("onair/person/alice/availability", "online", 1, true);
        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true);
        start(Fixtures.fast(broker.settings("bridge"))
                .withTimings(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(300)));
        await().until(() -> configs(ALICE_CONFIG).size() == 1);

        alice.publish("onair/person/alice/availability", "offline", 1, true);

        await().atMost(Duration.ofSeconds(15)).until(() -> configs(ALICE_CONFIG).size() == 2);
        assertThat(configs(ALICE_CONFIG).get(1).payload()).isEmpty();
    }

    @Test
    void personLongGone_isNotAnnouncedAtAll() {
        bob.publish("onair/person/bob/availability", "offline", 1, true);
        bob.publish(
                "onair/person/bob/presence",
                presence("bob", Status.OFFLINE, Instant.now().minus(Duration.ofDays(30))),
                1,
                true);
        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true);
        start(Fixtures.fast(broker.settings("bridge")));

        await().until(() -> configs(ALICE_CONFIG).size() == 1);
        assertThat(retainedConfigs()).doesNotContain(BOB_CONFIG);
    }

    @Test
    void malformedPresence_isDroppedAndTheBridgeKeepsWorking() {
        alice.publish("onair/person/alice/presence", "{not json", 1, true);
        bob.publish("onair/person/bob/presence", presence("bob", Status.BUSY), 1, true);
        start(Fixtures.fast(broker.settings("bridge")));

        await().until(() -> configs(BOB_CONFIG).size() == 1);
        assertThat(retainedConfigs()).doesNotContain(ALICE_CONFIG);
    }
}
