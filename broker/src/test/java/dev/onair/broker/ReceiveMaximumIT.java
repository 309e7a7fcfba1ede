package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.RawMqtt5.Packet;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.TestClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker honours a subscriber's MQTT 5 Receive Maximum (MQTT 5 section 4.9): never more unacknowledged QoS 1
 * PUBLISH packets in flight to it than it asked for, and every message it was sent arrives once it acknowledges.
 */
class ReceiveMaximumIT {
    private static final int RECEIVE_MAXIMUM = 10;

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @BeforeAll
    static void users() {
        for (int i = 0; i < 4; i++) {
            broker.addUser("p" + i, Role.PUBLISHER);
        }
        broker.addUser("sink", Role.VIEWER);
    }

    @Test
    void subscriberThatDoesNotAcknowledge_getsNoMoreThanItsReceiveMaximum_thenEverythingOnceItAcknowledges()
            throws Exception {
        try (RawMqtt5 sink = RawMqtt5.connect(broker.settings("sink"), "sink-1", RECEIVE_MAXIMUM);
                TestClient publisher = TestClient.connect(broker.settings("p0"), "p0")) {
            sink.subscribe(1, "onair/person/+/presence");
            assertThat(sink.next(15).type()).isEqualTo(RawMqtt5.SUBACK);
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (int m = 0; m < 50; m++) {
                acks.add(publisher.publishAsync("onair/person/p0/presence", "m" + m, 1, false));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            // A second SUBSCRIBE is handled after everything routed to this session before it, so every PUBLISH the
            // broker was going to send without an acknowledgement is on the wire ahead of its SUBACK.
            sink.subscribe(2, "onair/person/nobody/presence");
            List<Packet> unacknowledged = publishesUntilSuback(sink);
            assertThat(unacknowledged).hasSize(RECEIVE_MAXIMUM);

            Set<String> payloads = new LinkedHashSet<>();
            unacknowledged.forEach(p -> payloads.add(p.payload()));
            while (payloads.size() < 50) {
                // One acknowledgement frees one slot: exactly one more PUBLISH.
                sink.puback(unacknowledged.remove(0).packetId());
                Packet next = sink.next(15);
                assertThat(next.type()).isEqualTo(RawMqtt5.PUBLISH);
                assertThat(payloads.add(next.payload())).as("new message").isTrue();
                unacknowledged.add(next);
                assertThat(unacknowledged).hasSizeLessThanOrEqualTo(RECEIVE_MAXIMUM);
            }
            List<String> expected = new ArrayList<>();
            for (int m = 0; m < 50; m++) {
                expected.add("m" + m);
            }
            assertThat(payloads).containsExactlyElementsOf(expected);
        }
    }

    /** The PUBLISH packets up to the next SUBACK; no packet id twice among those not acknowledged. */
    private static List<Packet> publishesUntilSuback(RawMqtt5 sink) throws InterruptedException {
        List<Packet> publishes = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (Packet p = sink.next(15); p.type() != RawMqtt5.SUBACK; p = sink.next(15)) {
            assertThat(p.type()).isEqualTo(RawMqtt5.PUBLISH);
            assertThat(p.qos()).isEqualTo(1);
            assertThat(ids.add(p.packetId()))
                    .as("packet id %d unacknowledged twice", p.packetId())
                    .isTrue();
            publishes.add(p);
        }
        return publishes;
    }
}
