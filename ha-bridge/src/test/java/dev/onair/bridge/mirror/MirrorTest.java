package dev.onair.bridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.Topics;
import dev.onair.testsupport.RecordingMqtt;
import dev.onair.testsupport.RecordingMqtt.Sent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two-broker mirror against recording connections: what it sends to each broker, retained or not, at QoS 1. */
class MirrorTest {
    private static final String AVAILABILITY = "onair/person/alice/availability";

    private final RecordingMqtt onair = new RecordingMqtt();
    private final RecordingMqtt ha = new RecordingMqtt();
    private static final Topic RECORD = new Topic("onair/bridge/onair-bridge/mirrored");

    private final Mirror mirror = new Mirror(Topics.defaults(), onair, ha, RECORD);

    @BeforeEach
    void connected() {
        onair.connect();
        ha.connect();
    }

    @Test
    void fromOnair_copiesStateRetained_onceWhileItIsUnchanged() throws Exception {
        mirror.fromOnair(AVAILABILITY, bytes("online"));
        mirror.fromOnair(AVAILABILITY, bytes("online"));

        assertThat(ha.sent()).containsExactly(new Sent(AVAILABILITY, "online", true, 1));
        assertThat(onair.sent()).isEmpty();
    }

    @Test
    void fromOnair_invalidPayload_isRefusedAndNotCopied() {
        assertThatThrownBy(() -> mirror.fromOnair(AVAILABILITY, bytes("sleepy")))
                .isInstanceOf(PayloadException.class);

        assertThat(ha.sent()).isEmpty();
    }

    @Test
    void clearOnOnair_whileHaIsAway_reachesHaOnReconnect() throws Exception {
        mirror.fromOnair(AVAILABILITY, bytes("online"));
        ha.drop();
        ha.clearSent();

        mirror.fromOnair(AVAILABILITY, new byte[0]);
        assertThat(ha.sent()).isEmpty();
        ha.connect();

        assertThat(ha.sent()).containsExactly(new Sent(AVAILABILITY, "", true, 1));
    }

    @Test
    void ready_clearsStateOnHaThatThisBridgeMirroredAndTheOnairBrokerNoLongerHas() {
        // What an earlier run of this bridge recorded on Home Assistant's broker (issue 11: only that is removed).
        mirror.learnRecord(bytes("[\"onair/display/kitchen/availability\",\"" + AVAILABILITY + "\"]"));
        mirror.learnOnHa("onair/display/kitchen/availability", bytes("online"));
        mirror.learnOnHa(AVAILABILITY, bytes("online"));
        mirror.learnOnHa("onair/person/bob/availability", bytes("online"));
        mirror.learnOnHa("onair/person/bob/availability", new byte[0]); // already cleared there

        mirror.ready();

        assertThat(ha.sent())
                .containsExactlyInAnyOrder(
                        new Sent("onair/display/kitchen/availability", "", true, 1),
                        new Sent(AVAILABILITY, "", true, 1),
                        new Sent(RECORD.name(), "[]", true, 1));
    }

    @Test
    void commandFromHa_valid_isForwardedToTheOnairBroker_notRetained() throws Exception {
        mirror.commandFromHa("onair/person/alice/set", bytes("{\"status\":\"busy\"}"));

        assertThat(onair.sent()).containsExactly(new Sent("onair/person/alice/set", "{\"status\":\"busy\"}", false, 1));
        assertThat(mirror.forwardedCommands()).isEqualTo(1);
    }

    @Test
    void commandFromHa_invalid_isNotForwarded() {
        assertThatThrownBy(() -> mirror.commandFromHa("onair/person/alice/set", bytes("{\"status\":\"napping\"}")))
                .isInstanceOf(PayloadException.class);

        assertThat(onair.sent()).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
