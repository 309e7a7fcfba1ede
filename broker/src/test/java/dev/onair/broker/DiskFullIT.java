package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.SmallFileSystem;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data folder's file system fills up (issue 11, "Disk full"; a real 8 MiB tmpfs): the broker keeps answering
 * CONNECT, acknowledges nothing it cannot store, and every retained message it did acknowledge is there after space is
 * back and the broker restarts.
 */
class DiskFullIT {
    private static final int PEOPLE = 11;

    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    private SmallFileSystem disk;

    @BeforeEach
    void brokerOnASmallFileSystem() throws Exception {
        for (int i = 0; i < PEOPLE; i++) {
            broker.addUser("p" + i, Role.PUBLISHER);
        }
        broker.addUser("viewer", Role.VIEWER);
        broker.stop();
        disk = SmallFileSystem.mount(broker.dataDir(), "8m");
        broker.start();
    }

    @AfterEach
    void unmount() throws Exception {
        broker.stop();
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void fullDataFolder_refusesPublishesInsteadOfLosingThem_andKeepsWhatItAcknowledged() throws Exception {
        // Acknowledged just before the disk fills, so possibly not yet committed to the store.
        for (int i = 0; i < PEOPLE; i++) {
            publish(i, "available");
        }
        disk.fill();

        // Full: the broker still answers CONNECT, still serves what it holds, and does not acknowledge a publish.
        try (TestClient p0 = TestClient.connect(broker.settings("p0"), "p0")) {
            assertThatThrownBy(() -> p0.publish(presence(0), "busy", 1, true))
                    .hasMessageContaining("was not acknowledged");
        }
        assertThat(retained()).containsExactlyInAnyOrderElementsOf(expected("available", null));

        disk.free();
        // Space back: acknowledged again (the broker takes its reserve back first).
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> publish(1, "busy"));

        broker.restart();
        assertThat(retained()).containsExactlyInAnyOrderElementsOf(expected("available", "busy"));
    }

    private void publish(int person, String payload) {
        try (TestClient p = TestClient.connect(broker.settings("p" + person), "p" + person)) {
            p.publish(presence(person), payload, 1, true);
        }
    }

    private List<Received> retained() {
        try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer")) {
            assertThat(viewer.subscribe("onair/person/+/presence")).isTrue();
            await().atMost(Duration.ofSeconds(15)).until(() -> viewer.received().size() >= PEOPLE);
            return viewer.received();
        }
    }

    /** Everyone's retained presence {@code payload}; p1's is {@code p1} when not null. */
    private static List<Received> expected(String payload, String p1) {
        List<Received> expected = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            expected.add(new Received(presence(i), i == 1 && p1 != null ? p1 : payload, true, 1));
        }
        return expected;
    }

    private static String presence(int person) {
        return "onair/person/p" + person + "/presence";
    }
}
