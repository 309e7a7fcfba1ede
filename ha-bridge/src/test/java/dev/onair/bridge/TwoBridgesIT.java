package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import dev.onair.testsupport.TestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: two bridges on one OnAir broker. Before, both wrote the one topic {@code onair/bridge/availability}, so
 * stopping the second (its clean {@code offline}, or its will) marked every entity of the first unavailable in Home
 * Assistant. Each bridge now has its own availability topic, and its configs name only that one.
 */
class TwoBridgesIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALICE_CONFIG = "homeassistant/device/onair_person_alice/config";

    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void stoppingOneOfTwoBridges_leavesTheOthersEntitiesAvailable() throws Exception {
        broker.addUser("bridge", Role.BRIDGE);
        broker.addUser("alice", Role.PUBLISHER);
        broker.addUser("ha", Role.HOMEASSISTANT);
        TestClient alice = client("alice");
        alice.publish("onair/person/alice/availability", "online", 1, true);
        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true);
        TestClient ha = client("ha");
        ha.subscribe(ALICE_CONFIG);

        // The home bridge announces on the OnAir broker; the office bridge serves another Home Assistant with its
        // own Mosquitto (two-broker mode). Both read the same OnAir broker.
        BridgeNode home = bridge(Fixtures.fast(broker.settings("bridge")).withBridgeId("home"));
        Mosquitto officeHa = new Mosquitto(dir).start();
        resources.add(officeHa);
        BridgeNode office = bridge(
                Fixtures.fast(broker.settings("bridge")).withBridgeId("office").withHa(officeHa.settings()));
        await().until(() -> home.isInStep()
                && office.isInStep()
                && !ha.received(ALICE_CONFIG).isEmpty());
        Set<String> availability =
                availabilityTopics(ha.received(ALICE_CONFIG).get(0).payload());
        assertThat(availability).containsExactly("onair/bridge/home/availability", "onair/person/alice/availability");
        await().until(() -> availability.stream().allMatch(t -> "online".equals(retained(t))));

        office.stop();

        // What Home Assistant would read now, asked with Debian's mosquitto_sub: the office bridge is offline, every
        // topic the home bridge's entities depend on still says online.
        await().until(() -> "offline".equals(retained("onair/bridge/office/availability")));
        for (String topic : availability) {
            assertThat(retained(topic)).as(topic).isEqualTo("online");
        }
        assertThat(ha.received(ALICE_CONFIG)).hasSize(1);
    }

    private static Set<String> availabilityTopics(String config) throws Exception {
        Set<String> topics = new LinkedHashSet<>();
        MAPPER.readTree(config).get("components").forEach(c -> {
            for (JsonNode a : c.get("availability")) {
                topics.add(a.get("topic").asText());
            }
        });
        return topics;
    }

    /** The retained payload on {@code topic}, as {@code mosquitto_sub} sees it (null when none arrives in 5 s). */
    private String retained(String topic) {
        List<String> cmd = new ArrayList<>(List.of(
                "mosquitto_sub", "-V", "mqttv311", "-q", "1", "-t", topic, "-C", "1", "-W", "5", "-F", "%r %p"));
        cmd.addAll(MosquittoClients.tlsArgs(broker, "ha"));
        MosquittoClients.Result r = MosquittoClients.run(cmd);
        String out = r.output().trim();
        return r.exitCode() == 0 && out.startsWith("1 ") ? out.substring(2) : null;
    }

    private BridgeNode bridge(BridgeConfig config) {
        BridgeNode node = new BridgeNode(config);
        node.start();
        resources.add(node::stop);
        return node;
    }

    private TestClient client(String user) {
        TestClient c = TestClient.connect(broker.settings(user), user + "-test");
        resources.add(c::close);
        return c;
    }
}
