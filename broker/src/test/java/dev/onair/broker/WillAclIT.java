package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.testing.MosquittoClients.Subscriber;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Wills obey the write ACL (issue 11): every role against every topic family, with real {@code mosquitto_sub} clients
 * that announce a will and are then killed with SIGKILL. A will the user could not publish is refused at CONNECT
 * (3.1.1 return code 5, MQTT 5 reason 0x87); an allowed one reaches a live subscriber.
 */
class WillAclIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    /** One cell of the matrix: a role's user sets a will on a topic, with or without retain. */
    record Cell(String user, String topic, boolean retain, String payload) {}

    /** The users, one per role; publisher and display act for "alice" and "kitchen". */
    private static final List<String> USERS = List.of("alice", "kitchen", "bridge", "ha", "viewer");

    /** The expected grants, written out by hand from the rules in RoleAcl's table (not computed from it). */
    private static final Set<String> ALLOWED = Set.of(
            "alice onair/person/alice/presence retained",
            "alice onair/person/alice/availability retained",
            "alice onair/person/alice/set",
            "kitchen onair/person/alice/set",
            "bridge onair/person/alice/set",
            "ha onair/person/alice/set",
            "bridge onair/display/main/set",
            "ha onair/display/main/set",
            "kitchen onair/display/kitchen/availability retained",
            "kitchen onair/display/kitchen/state retained",
            "bridge onair/bridge/availability retained",
            "bridge homeassistant/device/onair_person_alice/config retained",
            "bridge homeassistant/status",
            "ha homeassistant/status");

    private static final List<Object[]> TOPICS = List.of(
            new Object[] {"onair/person/alice/presence", true},
            new Object[] {"onair/person/alice/availability", true},
            new Object[] {"onair/person/bob/presence", true},
            new Object[] {"onair/person/alice/set", false},
            new Object[] {"onair/person/alice/set", true},
            new Object[] {"onair/person/alice/extra", true},
            new Object[] {"onair/display/main/set", false},
            new Object[] {"onair/display/main/set", true},
            new Object[] {"onair/display/kitchen/availability", true},
            new Object[] {"onair/display/kitchen/state", true},
            new Object[] {"onair/bridge/availability", true},
            new Object[] {"homeassistant/device/onair_person_alice/config", true},
            new Object[] {"homeassistant/status", false});

    @BeforeAll
    static void users() {
        broker.addUser("alice", Role.PUBLISHER);
        broker.addUser("kitchen", Role.DISPLAY);
        broker.addUser("bridge", Role.BRIDGE);
        broker.addUser("ha", Role.HOMEASSISTANT);
        broker.addUser("viewer", Role.VIEWER);
        broker.addUser("watcher", Role.HOMEASSISTANT);
    }

    @Test
    void everyRole_againstEveryTopicFamily_willObeysTheWriteAcl() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (TestClient watcher = TestClient.connect(broker.settings("watcher"), "will-watcher")) {
            watcher.subscribe("onair/#");
            watcher.subscribe("homeassistant/#");
            int n = 0;
            for (String user : USERS) {
                for (Object[] t : TOPICS) {
                    String topic = (String) t[0];
                    boolean retain = (Boolean) t[1];
                    String key = user + " " + topic + (retain ? " retained" : "");
                    // An empty will on a discovery config is what deletes a Home Assistant device.
                    String payload = topic.startsWith("homeassistant/device") ? "" : "w" + n++;
                    boolean expected = ALLOWED.contains(key);
                    String outcome = killWithWill(watcher, new Cell(user, topic, retain, payload), expected);
                    if (outcome != null) {
                        wrong.add(key + ": " + outcome);
                    }
                }
            }
        }
        assertThat(wrong).as("cells that broke the rule").isEmpty();
    }

    @Test
    void willOnACommandTopic_byAViewer_isRefusedWithReason0x87OnMqtt5() {
        List<String> cmd = willClient(new Cell("viewer", "onair/display/main/set", false, "{\"state\":\"OFF\"}"));
        cmd.add(3, "-V"); // after "stdbuf -oL mosquitto_sub"
        cmd.add(4, "mqttv5");
        MosquittoClients.Result result = MosquittoClients.run(cmd);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).containsIgnoringCase("not authori");
    }

    /**
     * Runs one cell; returns null when the broker behaved as expected, else what went wrong. An allowed will must be
     * delivered after SIGKILL; a refused one must fail the CONNECT with "not authorised" and never be delivered.
     */
    private static String killWithWill(TestClient watcher, Cell cell, boolean allowed) throws InterruptedException {
        int before = deliveries(watcher, cell);
        Subscriber client = Subscriber.start(willClient(cell));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !client.isAlive() || client.lines().stream().anyMatch(l -> l.contains("received SUBACK")));
        if (client.isAlive()) {
            client.kill();
            if (!allowed) {
                return "connected (will accepted)";
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(watcher, cell) > before);
            return null;
        }
        String output = String.join("\n", client.lines());
        if (allowed) {
            return "refused: " + output;
        }
        if (!output.contains("not authorised")) {
            return "ended without 'not authorised': " + output;
        }
        return deliveries(watcher, cell) > before ? "refused, but the will was delivered" : null;
    }

    private static int deliveries(TestClient watcher, Cell cell) {
        return (int) watcher.received(cell.topic()).stream()
                .map(Received::payload)
                .filter(cell.payload()::equals)
                .count();
    }

    /** mosquitto_sub (MQTT 3.1.1) with the cell's will, subscribed to a topic its role may read. */
    private static List<String> willClient(Cell cell) {
        String readable = cell.user().equals("alice") ? "onair/person/alice/set" : "onair/person/+/presence";
        List<String> cmd = new ArrayList<>(List.of(
                "stdbuf",
                "-oL",
                "mosquitto_sub",
                "-d",
                "-q",
                "1",
                "-t",
                readable,
                "-i",
                "will-" + cell.user() + "-" + System.nanoTime()));
        cmd.addAll(MosquittoClients.willArgs(cell.topic(), cell.payload(), cell.retain()));
        cmd.addAll(MosquittoClients.tlsArgs(broker, cell.user()));
        return cmd;
    }
}
