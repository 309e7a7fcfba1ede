package dev.onair.bridge;

import static dev.onair.bridge.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.onair.bridge.ntfy.NtfyConfig;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import dev.onair.testsupport.TestClient;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ntfy notifications against a local HTTP server standing in for ntfy.sh. */
class NtfyIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private HttpServer ntfy;
    private BridgeNode bridge;
    private TestClient alice;
    private TestClient bob;

    @BeforeEach
    void start() throws Exception {
        ntfy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ntfy.createContext("/", exchange -> {
            requests.add(MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        ntfy.start();
        broker.addUser("bridge", Role.BRIDGE);
        broker.addUser("alice", Role.PUBLISHER);
        broker.addUser("bob", Role.PUBLISHER);
        alice = TestClient.connect(broker.settings("alice"), "alice-test");
        bob = TestClient.connect(broker.settings("bob"), "bob-test");
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.stop();
        }
        alice.close();
        bob.close();
        ntfy.stop(0);
    }

    @Test
    void oneRequestPerQualifyingChange_withTitleAndTags() throws Exception {
        URI server = URI.create("http://127.0.0.1:" + ntfy.getAddress().getPort());
        NtfyConfig config = new NtfyConfig(
                server, "office-door", "tk_1", Set.of("alice"), Set.of(Status.BUSY, Status.DO_NOT_DISTURB));
        alice.publish("onair/person/alice/presence", presence("alice", Status.AVAILABLE), 1, true);
        bridge = new BridgeNode(Fixtures.fast(broker.settings("bridge"))
                .withPeople(List.of(NodeName.parse("alice=Alice")))
                .withNtfy(config));
        bridge.start();
        TestClient viewer = TestClient.connect(broker.settings("bridge"), "viewer");
        viewer.subscribe("homeassistant/device/onair_person_alice/config");
        await().until(() -> !viewer.received().isEmpty());
        viewer.close();

        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true); // qualifies
        bob.publish("onair/person/bob/presence", presence("bob", Status.AVAILABLE), 1, true);
        bob.publish("onair/person/bob/presence", presence("bob", Status.BUSY), 1, true); // bob is not followed
        alice.publish("onair/person/alice/presence", presence("alice", Status.AWAY), 1, true); // away does not qualify
        alice.publish("onair/person/alice/presence", presence("alice", Status.DO_NOT_DISTURB), 1, true); // qualifies

        await().until(() -> requests.size() == 2);
        JsonNode busy = requests.get(0);
        assertThat(busy.get("topic").asText()).isEqualTo("office-door");
        assertThat(busy.get("title").asText()).isEqualTo("Alice is busy");
        assertThat(busy.get("message").asText()).isEqualTo("Alice is now busy, was available.");
        assertThat(busy.get("tags")).extracting(JsonNode::asText).containsExactly("red_circle", "onair");
        JsonNode dnd = requests.get(1);
        assertThat(dnd.get("title").asText()).isEqualTo("Alice is do not disturb");
        assertThat(dnd.get("tags")).extracting(JsonNode::asText).containsExactly("no_entry", "onair");
        assertThat(headers.get(0).get("Authorization")).containsExactly("Bearer tk_1");

        // A sentinel change: requests go out in order, so nothing else was sent in between.
        alice.publish("onair/person/alice/presence", presence("alice", Status.BUSY), 1, true);
        await().until(() -> requests.size() == 3);
        assertThat(requests)
                .extracting(r -> r.get("title").asText())
                .containsExactly("Alice is busy", "Alice is do not disturb", "Alice is busy");
    }

    @Test
    void deadNtfyServer_doesNotStallTheBridge() throws Exception {
        // Accepts connections and never answers: every request hangs until its timeout.
        try (ServerSocket blackHole = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(blackHole.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI server = URI.create("http://127.0.0.1:" + blackHole.getLocalPort());
            bridge = new BridgeNode(Fixtures.fast(broker.settings("bridge"))
                    .withNtfy(new NtfyConfig(server, "office-door", null, Set.of(), Set.of())));
            bridge.start();
            alice.publish("onair/person/alice/presence", presence("alice", Status.AVAILABLE), 1, true);
            TestClient viewer = TestClient.connect(broker.settings("bridge"), "viewer");
            viewer.subscribe("homeassistant/device/+/config");
            await().until(() -> !viewer.received("homeassistant/device/onair_person_alice/config")
                    .isEmpty());

            for (Status s : List.of(Status.BUSY, Status.AWAY, Status.BUSY, Status.AVAILABLE, Status.BUSY)) {
                alice.publish("onair/person/alice/presence", presence("alice", s), 1, true);
            }
            await().until(() -> !held.isEmpty()); // a notification is now hanging on the dead server
            bob.publish("onair/person/bob/presence", presence("bob", Status.BUSY), 1, true);

            // The bridge still handles MQTT at once while ntfy requests hang.
            await().until(() -> !viewer.received("homeassistant/device/onair_person_bob/config")
                    .isEmpty());
            viewer.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
