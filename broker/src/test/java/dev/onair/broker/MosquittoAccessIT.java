package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.PasswordHash;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * OnAir's users and roles on Debian's Mosquitto 2 (issue 18), started with exactly the files {@code onair users export
 * --format mosquitto} wrote: logins and hashes both ways, and every role against every topic family by the rules of
 * issue 11 (broker/README.md, "Users and roles"; wills: {@link MosquittoWillsIT}; client ids and retained sets:
 * {@link MosquittoSessionsIT}). Where Mosquitto behaves differently from OnAir's embedded broker the
 * assertion says {@code DIFFERENCE}; broker/README.md, "Outgrowing the Pi", lists the same ones.
 */
class MosquittoAccessIT extends MosquittoAccess {
    /** What each user may publish: issue 11's write table (exact topics; set topics never retained). */
    private static final Map<String, Set<String>> WRITES = Map.of(
            "alice", Set.of(ALICE_PRESENCE, ALICE_AVAILABILITY, ALICE_SET),
            "work-pc", Set.of(BOB_PRESENCE, BOB_SET),
            "kitchen", Set.of(KITCHEN_STATE, KITCHEN_AVAILABILITY, ALICE_SET, BOB_SET),
            "hall", Set.of(HALL_STATE, ALICE_SET, BOB_SET),
            "bridge", Set.of(ALICE_SET, BOB_SET, KITCHEN_SET, HALL_SET, BRIDGE_AVAILABILITY, DISCOVERY, HA_STATUS),
            "ha", Set.of(ALICE_SET, BOB_SET, KITCHEN_SET, HALL_SET, HA_STATUS),
            "viewer", Set.of());

    /** What each user may read: the reads of broker/README.md's role table. */
    private static final Map<String, Set<String>> READS = Map.of(
            "alice", Set.of(ALICE_SET),
            "work-pc", Set.of(BOB_SET),
            "kitchen",
                    Set.of(
                            ALICE_PRESENCE,
                            ALICE_AVAILABILITY,
                            BOB_PRESENCE,
                            KITCHEN_STATE,
                            KITCHEN_AVAILABILITY,
                            KITCHEN_SET),
            "hall", Set.of(ALICE_PRESENCE, ALICE_AVAILABILITY, BOB_PRESENCE, HALL_STATE, HALL_SET),
            "bridge", without(TOPICS, ELSEWHERE),
            "ha", without(TOPICS, ELSEWHERE),
            "viewer", without(TOPICS, ELSEWHERE, DISCOVERY, HA_STATUS));

    @Test
    void onAirsHashes_logInOnMosquitto_andMosquittoPasswdHashes_verifyInOnAir() throws Exception {
        assertThat(mosquitto.exportOutput()).contains("(7 of 7 users)");
        for (String user : USERS) {
            try (TestClient client = TestClient.connect(mosquitto.settings(user), "login-" + user)) {
                assertThat(client.isConnected()).as(user).isTrue();
            }
        }
        BrokerSettings wrong = withCredentials(mosquitto.settings("alice"), "alice", "not-the-password");
        BrokerSettings anonymous = withCredentials(mosquitto.settings("alice"), null, null);
        for (BrokerSettings refused : List.of(wrong, anonymous)) {
            assertThatThrownBy(() -> TestClient.connect(refused, "refused"))
                    .isInstanceOf(Mqtt5ConnAckException.class)
                    .satisfies(e -> assertThat(
                                    ((Mqtt5ConnAckException) e).getMqttMessage().getReasonCode())
                            .isIn(
                                    Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD,
                                    Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
        }
        // Secure WebSocket: the same certificate and users.
        BrokerSettings ws = new BrokerSettings(
                new BrokerAddress("localhost", mosquitto.wsPort(), true),
                mosquitto.caFile(),
                null,
                "viewer",
                mosquitto.password("viewer"));
        try (TestClient viewer = TestClient.connect(ws, "ws-viewer", true, true)) {
            assertThat(viewer.isConnected()).isTrue();
        }
        // The other way round: a hash Mosquitto's own tool wrote verifies in OnAir, as it would in a users file.
        Path file = dir.resolve("mosquitto_passwd.txt");
        MosquittoClients.Result made = MosquittoClients.run(
                List.of("mosquitto_passwd", "-c", "-b", file.toString(), "carol", "carol's password"));
        assertThat(made.exitCode()).as(made.output()).isZero();
        String hash = Files.readString(file).strip().substring("carol:".length());
        assertThat(hash).startsWith("$7$");
        assertThat(PasswordHash.verify("carol's password", hash)).isTrue();
        assertThat(PasswordHash.verify("carol's passworD", hash)).isFalse();
    }

    @Test
    void aclMatrix_everyRoleTimesEveryTopicFamily_writesAndReads_asOnAirsRoleTable() throws Exception {
        Map<String, TestClient> clients = new LinkedHashMap<>();
        try {
            for (String user : USERS) {
                TestClient c = TestClient.connect(mosquitto.settings(user), "matrix-" + user);
                // DIFFERENCE: Mosquitto grants every subscription, even '#', and then delivers only what the user may
                // read; OnAir's broker refuses a filter that reaches anything unreadable (SUBACK failure).
                assertThat(c.subscribe("#")).as("%s subscribes to #", user).isTrue();
                clients.put(user, c);
            }

            // Writes: every user publishes to every topic family.
            for (String user : USERS) {
                for (String topic : TOPICS) {
                    Mqtt5PubAckReasonCode code = publish(clients.get(user), topic, "w:" + user, false);
                    boolean allowed = WRITES.get(user).contains(topic);
                    // DIFFERENCE: a denied publish gets PUBACK 0x87 (MQTT 5; a plain PUBACK on 3.1.1) and the client
                    // stays connected; OnAir's broker drops it and disconnects the client.
                    assertThat(code == Mqtt5PubAckReasonCode.NOT_AUTHORIZED)
                            .as("%s publishing to %s denied (%s)", user, topic, code)
                            .isEqualTo(!allowed);
                    assertThat(clients.get(user).isConnected()).isTrue();
                }
            }
            // Reads: each topic's rightful writer publishes once.
            Map<String, String> writer = new LinkedHashMap<>();
            for (String topic : TOPICS) {
                WRITES.entrySet().stream()
                        .filter(e -> e.getValue().contains(topic))
                        .map(Map.Entry::getKey)
                        .sorted()
                        .findFirst()
                        .ifPresent(u -> writer.put(topic, u));
            }
            writer.forEach((topic, user) -> publish(clients.get(user), topic, "r", false));
            // Everything above was acknowledged, so Mosquitto has queued it; these arrive after it, at every user.
            publish(clients.get("ha"), ALICE_SET, "end", false);
            publish(clients.get("ha"), BOB_SET, "end", false);
            publish(clients.get("alice"), ALICE_PRESENCE, "end", false);
            for (String user : USERS) {
                TestClient c = clients.get(user);
                await(user + " got the end marker")
                        .atMost(WAIT)
                        .until(() ->
                                c.received().stream().anyMatch(r -> r.payload().equals("end")));
            }

            // The bridge reads every OnAir and discovery topic: it saw exactly the allowed writes.
            Set<String> written = clients.get("bridge").received().stream()
                    .filter(r -> r.payload().startsWith("w:"))
                    .map(r -> r.payload().substring(2) + " -> " + r.topic())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expectedWrites = new TreeSet<>();
            WRITES.forEach((user, topics) -> topics.forEach(t -> expectedWrites.add(user + " -> " + t)));
            assertThat(written).isEqualTo(expectedWrites);
            // Each user received exactly the topics it may read, nothing else, though it asked for '#'.
            for (String user : USERS) {
                Set<String> read = clients.get(user).received().stream()
                        .filter(r -> r.payload().equals("r"))
                        .map(Received::topic)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> expected = new TreeSet<>(READS.get(user));
                expected.retainAll(writer.keySet());
                assertThat(read).as("%s reads", user).isEqualTo(expected);
            }
        } finally {
            clients.values().forEach(TestClient::close);
        }
    }

    private static Set<String> without(List<String> all, String... left) {
        Set<String> set = new TreeSet<>(all);
        List.of(left).forEach(set::remove);
        return Set.copyOf(set);
    }

    private static BrokerSettings withCredentials(BrokerSettings s, String user, String password) {
        return new BrokerSettings(s.address(), s.caFile(), s.caSha256(), user, password);
    }
}
