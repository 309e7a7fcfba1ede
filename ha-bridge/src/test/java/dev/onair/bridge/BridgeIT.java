package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.displayState;
import static dev.onair.bridge.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.bridge.discovery.DeviceConfigs;
import dev.onair.bridge.discovery.HaRulesAccess;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Single-broker mode against the real OnAir broker: Home Assistant connects to the OnAir broker itself. */
class BridgeIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALICE_CONFIG = "homeassistant/device/onair_person_alice/config";
    private static final String BOB_CONFIG = "homeassistant/device/onair_person_bob/config";
    private static final String OFFICE_CONFIG = "homeassistant/device/onair_display_office/config";
    private static final String BRIDGE_CONFIG = "homeassistant/device/onair_bridge/config";

    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    private final List<BridgeNode> bridges = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();
    private TestClient alice;
    private TestClient bob;
    private TestClient office;
    private TestClient ha;

    @BeforeEach
    void users() {
        broker.addUser("bridge", Role.BRIDGE);
        broker.addUser("alice", Role.PUBLISHER);
        broker.addUser("bob", Role.PUBLISHER);
        broker.addUser("office", Role.DISPLAY);
        broker.addUser("ha", Role.HOMEASSISTANT);
        alice = client("alice");
        bob = client("bob");
        office = client("office");
        ha = client("ha");
        assertThat(ha.subscribe("homeassistant/device/+/config")).isTrue();
    }

    @AfterEach
    void stop() {
        bridges.forEach(BridgeNode::stop);
        clients.forEach(TestClient::close);
    }

    @Test
    void discovery_forTwoPeopleAndADisplay_isExactlyTheContractsAndPassesHomeAssistantRules() throws Exception {
        publishTwoPeopleAndOffice();
        start(Fixtures.fast(broker.settings("bridge")));

        await().until(() -> configs(ALICE_CONFIG).size() == 1
                && configs(BOB_CONFIG).size() == 1
                && configs(OFFICE_CONFIG).size() == 1
                && configs(BRIDGE_CONFIG).size() == 1);
        DeviceConfigs expected = new DeviceConfigs(Topics.defaults());
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
    void malformedPresence_isDroppedAndTheBridgeKeepsWorking() {
        alice.publish("onair/person/alice/presence", "{not json", 1, true);
        bob.publish("onair/person/bob/presence", presence("bob", Status.BUSY), 1, true);
        start(Fixtures.fast(broker.settings("bridge")));

        await().until(() -> configs(BOB_CONFIG).size() == 1);
        assertThat(retainedConfigs()).doesNotContain(ALICE_CONFIG);
    }

    @Test
    void cleanOption_removesEveryOnairDeviceFromHomeAssistant() {
        publishTwoPeopleAndOffice();
        BridgeNode running = start(Fixtures.fast(broker.settings("bridge")));
        await().until(() ->
                configs(OFFICE_CONFIG).size() == 1 && configs(BRIDGE_CONFIG).size() == 1);
        running.stop();

        int code = dev.onair.runtime.config.Cli.run(
                new BridgeMain(),
                new String[] {
                    "bridge",
                    "--clean",
                    "--learn-window",
                    "500ms",
                    "--broker",
                    broker.tlsUrl(),
                    "--ca",
                    broker.caFile().toString(),
                    "--user",
                    "bridge",
                    "--password",
                    broker.password("bridge")
                },
                java.util.Map.of());

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

    private void publishTwoPeopleAndOffice() {
        alice.publish("onair/person/alice/availability", "online", 1, true);
        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true);
        bob.publish("onair/person/bob/availability", "online", 1, true);
        bob.publish("onair/person/bob/presence", presence("bob", Status.AVAILABLE), 1, true);
        office.publish("onair/display/office/availability", "online", 1, true);
        office.publish("onair/display/office/state", displayState(), 1, true);
    }

    private void assertPayload(String topic, byte[] expected) throws Exception {
        Received r = configs(topic).get(0);
        assertThat(r.qos()).isEqualTo(1);
        assertThat(MAPPER.readTree(r.payload())).isEqualTo(MAPPER.readTree(expected));
        assertThat(HaRulesAccess.check(topic, r.payload().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    private List<String> retainedConfigs() {
        try (TestClient probe = client("ha", "ha-probe-" + System.nanoTime())) {
            probe.subscribe("homeassistant/device/+/config");
            // The bridge's own config is always there, and retained messages arrive together right after SUBACK.
            await().until(() ->
                    probe.received().stream().anyMatch(r -> r.topic().equals(BRIDGE_CONFIG)));
            return probe.received().stream()
                    .filter(Received::retain)
                    .map(Received::topic)
                    .toList();
        }
    }

    private List<Received> configs(String topic) {
        return ha.received(topic);
    }

    private BridgeNode start(BridgeConfig config) {
        BridgeNode node = new BridgeNode(config);
        try {
            node.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        bridges.add(node);
        return node;
    }

    private TestClient client(String user) {
        return client(user, user + "-test");
    }

    private TestClient client(String user, String clientId) {
        TestClient c = TestClient.connect(broker.settings(user), clientId);
        clients.add(c);
        return c;
    }
}
