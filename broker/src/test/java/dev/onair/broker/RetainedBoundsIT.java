package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retained writes are bounded (issue 11): only the contract's retained topics, within their payload caps, and never a
 * retained {@code set} command. Refused publishes are dropped and their client disconnected.
 */
class RetainedBoundsIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @BeforeAll
    static void users() {
        broker.addUser("alice", Role.PUBLISHER);
        broker.addUser("ha", Role.HOMEASSISTANT);
        broker.addUser("viewer", Role.VIEWER);
    }

    @Test
    void publisher_mayRetainOnlyPresenceAndAvailability() {
        assertThat(MosquittoClients.publish(broker, "alice", "onair/person/alice/availability", "online", true)
                        .exitCode())
                .isZero();
        assertThat(MosquittoClients.publish(broker, "alice", "onair/person/alice/extra", "junk", true)
                        .exitCode())
                .isNotZero();

        assertThat(retained("onair/person/alice/#", "onair/person/alice/availability"))
                .extracting(Received::topic)
                .doesNotContain("onair/person/alice/extra");
    }

    @Test
    void presenceAboveTheContractsOneKibibyte_isRefused() {
        String small = "{\"v\":1,\"pad\":\"" + "x".repeat(1000) + "\"}";
        String big = "{\"v\":1,\"pad\":\"" + "y".repeat(1100) + "\"}";
        assertThat(small.length()).isLessThanOrEqualTo(1024);

        assertThat(MosquittoClients.publish(broker, "alice", "onair/person/alice/presence", small, true)
                        .exitCode())
                .isZero();
        assertThat(MosquittoClients.publish(broker, "alice", "onair/person/alice/presence", big, true)
                        .exitCode())
                .isNotZero();

        assertThat(retained("onair/person/alice/presence", "onair/person/alice/presence"))
                .extracting(Received::payload)
                .containsExactly(small);
    }

    @Test
    void retainedSetCommands_areRefused_andPlainOnesStillWork() {
        assertThat(MosquittoClients.publish(broker, "ha", "onair/person/bob/set", "away", true)
                        .exitCode())
                .isNotZero();
        assertThat(MosquittoClients.publish(broker, "ha", "onair/display/main/set", "{\"state\":\"OFF\"}", true)
                        .exitCode())
                .isNotZero();
        assertThat(MosquittoClients.publish(broker, "ha", "onair/display/main/set", "{\"state\":\"ON\"}", false)
                        .exitCode())
                .isZero();
        assertThat(MosquittoClients.publish(broker, "alice", "onair/person/alice/availability", "online", true)
                        .exitCode())
                .isZero();

        assertThat(retained("onair/#", "onair/person/alice/availability"))
                .extracting(Received::topic)
                .doesNotContain("onair/person/bob/set", "onair/display/main/set");
    }

    /** The retained messages a new subscriber to {@code filter} gets, once {@code marker} (known retained) came. */
    private static List<Received> retained(String filter, String marker) {
        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-" + System.nanoTime())) {
            viewer.subscribe(filter);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !viewer.received(marker).isEmpty());
            return viewer.received().stream().filter(Received::retain).toList();
        }
    }
}
