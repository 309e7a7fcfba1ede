package dev.onair.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.TopicRef.Leaf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {
    private final Topics topics = Topics.defaults();

    @Test
    void builders_matchContractSection2() {
        assertThat(topics.personPresence("alice").name()).isEqualTo("onair/person/alice/presence");
        assertThat(topics.personAvailability("alice").name()).isEqualTo("onair/person/alice/availability");
        assertThat(topics.personSet("alice").name()).isEqualTo("onair/person/alice/set");
        assertThat(topics.displayState("main").name()).isEqualTo("onair/display/main/state");
        assertThat(topics.displaySet("main").name()).isEqualTo("onair/display/main/set");
        assertThat(topics.displayAvailability("main").name()).isEqualTo("onair/display/main/availability");
        assertThat(topics.bridgeAvailability("pi").name()).isEqualTo("onair/bridge/pi/availability");
        assertThat(topics.legacyBridgeAvailability().name()).isEqualTo("onair/bridge/availability");
        assertThat(topics.bridgeMirrorRecord("pi").name()).isEqualTo("onair/bridge/pi/mirrored");
        assertThat(topics.bridgeToday("pi", "alice").name()).isEqualTo("onair/bridge/pi/today/alice");
        assertThat(topics.allBridgeToday("pi").filter()).isEqualTo("onair/bridge/pi/today/+");
        assertThat(topics.discoveryConfig(Kind.PERSON, "alice").name())
                .isEqualTo("homeassistant/device/onair_person_alice/config");
        assertThat(topics.discoveryConfig(Kind.DISPLAY, "main").name())
                .isEqualTo("homeassistant/device/onair_display_main/config");
        assertThat(topics.haStatus().name()).isEqualTo("homeassistant/status");
        assertThat(topics.allPersonPresence().filter()).isEqualTo("onair/person/+/presence");
    }

    @Test
    void prefixes_areConfigurable() {
        Topics custom = new Topics("home/onair", "ha");
        assertThat(custom.personPresence("bob").name()).isEqualTo("home/onair/person/bob/presence");
        assertThat(custom.discoveryConfig(Kind.DISPLAY, "door").name())
                .isEqualTo("ha/device/onair_display_door/config");
        assertThat(custom.parse("home/onair/person/bob/set")).contains(new TopicRef(Kind.PERSON, "bob", Leaf.SET));
    }

    @Test
    void builders_rejectWildcardsAndBadIds() {
        assertThatThrownBy(() -> topics.personPresence("+")).hasMessageContaining("person id '+'");
        assertThatThrownBy(() -> topics.personSet("#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> topics.displayState("Main")).hasMessageContaining("display id 'Main'");
        assertThatThrownBy(() -> topics.bridgeAvailability("a/b")).hasMessageContaining("bridge id 'a/b'");
        assertThatThrownBy(() -> topics.personPresence("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic("onair/person/+/presence")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> new Topic("onair/#")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> new Topics("onair/+", "homeassistant")).hasMessageContaining("topic prefix");
    }

    @Test
    void parse_roundTripsEveryTopic() {
        assertThat(topics.parse("onair/person/alice/presence"))
                .contains(new TopicRef(Kind.PERSON, "alice", Leaf.PRESENCE));
        assertThat(topics.parse("onair/person/alice/availability"))
                .contains(new TopicRef(Kind.PERSON, "alice", Leaf.AVAILABILITY));
        assertThat(topics.parse("onair/display/main/state")).contains(new TopicRef(Kind.DISPLAY, "main", Leaf.STATE));
        assertThat(topics.parse("onair/display/main/set")).contains(new TopicRef(Kind.DISPLAY, "main", Leaf.SET));
        assertThat(topics.parse("onair/bridge/availability"))
                .contains(new TopicRef(Kind.BRIDGE, null, Leaf.AVAILABILITY));
        assertThat(topics.parse("onair/bridge/pi/availability"))
                .contains(new TopicRef(Kind.BRIDGE, "pi", Leaf.AVAILABILITY));
        assertThat(topics.parse("onair/bridge/pi/mirrored")).isEmpty();
        assertThat(topics.parse("onair/bridge/Pi/availability")).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "onair/person/Alice/presence",
                "onair/person/alice/state",
                "onair/display/main/presence",
                "onair/person/alice/presence/extra",
                "onairx/person/alice/presence",
                "other/person/alice/presence",
                "onair/robot/r2/state"
            })
    void parse_rejectsAnythingOutsideTheContract(String topic) {
        assertThat(topics.parse(topic)).isEmpty();
    }

    @Test
    void topicFilter_acceptsOnlyWellFormedMultiLevelWildcards() {
        assertThat(new TopicFilter("onair/#").filter()).isEqualTo("onair/#");
        assertThat(new TopicFilter("#").filter()).isEqualTo("#");
        assertThatThrownBy(() -> new TopicFilter("onair/#/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicFilter("onair#")).isInstanceOf(IllegalArgumentException.class);
    }
}
