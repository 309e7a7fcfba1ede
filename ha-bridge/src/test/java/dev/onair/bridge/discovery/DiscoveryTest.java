package dev.onair.bridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.bridge.roster.Member;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.Topics;
import dev.onair.testsupport.RecordingMqtt;
import dev.onair.testsupport.RecordingMqtt.Sent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery against a recording connection: what goes to Home Assistant's discovery topics, retained, at QoS 1. */
class DiscoveryTest {
    private static final String BRIDGE = "homeassistant/device/onair_bridge/config";
    private static final String ALICE = "homeassistant/device/onair_person_alice/config";
    private static final Member ALICE_MEMBER = new Member(Kind.PERSON, "alice", "Alice");

    private final DeviceConfigs configs = new DeviceConfigs(Topics.defaults(), "pi");
    private final RecordingMqtt mqtt = new RecordingMqtt();
    private final Discovery discovery =
            new Discovery(mqtt, configs, Topics.defaults().legacyBridgeAvailability());

    @BeforeEach
    void connected() {
        mqtt.connect();
    }

    @Test
    void ready_publishesTheBridgeAndEachMember_retainedAtQos1() {
        discovery.update(List.of(ALICE_MEMBER));
        assertThat(mqtt.sent()).isEmpty(); // nothing before start-up has learned what the broker holds

        discovery.ready();

        assertThat(mqtt.sent())
                .containsExactly(
                        new Sent(BRIDGE, text(configs.bridge()), true, 1),
                        new Sent(ALICE, text(configs.person("alice", "Alice")), true, 1));
    }

    @Test
    void ready_leavesLearnedConfigsThatAreRight_andClearsStaleOnes() throws Exception {
        discovery.learn(BRIDGE, configs.bridge());
        discovery.learn(ALICE, configs.person("alice", "Alice"));
        discovery.update(List.of());

        discovery.ready();

        assertThat(mqtt.sent()).containsExactly(new Sent(ALICE, "", true, 1));
    }

    @Test
    void clearWhileDisconnected_goesOutOnReconnect() {
        discovery.update(List.of(ALICE_MEMBER));
        discovery.ready();
        mqtt.drop();
        mqtt.clearSent();

        discovery.update(List.of());
        assertThat(mqtt.sent()).isEmpty();
        mqtt.connect();
        discovery.reconnected();

        assertThat(mqtt.sent(ALICE)).containsExactly(new Sent(ALICE, "", true, 1));
        assertThat(mqtt.sent(BRIDGE)).containsExactly(new Sent(BRIDGE, text(configs.bridge()), true, 1));
        assertThat(discovery.publishedTopics()).extracting(Object::toString).containsExactly(BRIDGE);
    }

    @Test
    void reconnected_sendsConfigsLearnedAtStartUp_whichTheConnectionNeverSent() throws Exception {
        discovery.learn(BRIDGE, configs.bridge());
        discovery.update(List.of());
        discovery.ready();
        assertThat(mqtt.sent()).isEmpty();

        mqtt.drop();
        mqtt.connect();
        discovery.reconnected();

        assertThat(mqtt.sent()).containsExactly(new Sent(BRIDGE, text(configs.bridge()), true, 1));
    }

    @Test
    void learn_ignoresConfigsThatAreNotOnAirs() throws Exception {
        discovery.learn(
                "homeassistant/device/onair_person_bob/config",
                "{\"origin\":{\"name\":\"x\"}}".getBytes(StandardCharsets.UTF_8));
        discovery.update(List.of());

        discovery.ready();

        assertThat(mqtt.sent()).containsExactly(new Sent(BRIDGE, text(configs.bridge()), true, 1));
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
