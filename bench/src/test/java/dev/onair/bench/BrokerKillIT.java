package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.users.Role;
import dev.onair.publisher.PublisherConfig;
import dev.onair.publisher.PublisherNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: kill -9 the broker process while 20 publishers make 500 changes each; after its restart every person's
 * retained presence is the last change their publisher made, and every publisher comes back. How fast is a figure,
 * not an assertion: {@code bench/run recovery} (bench/README.md).
 */
class BrokerKillIT {
    private static final int PEOPLE = 20;
    private static final int CHANGES = 500;
    private static final List<String> BROKER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    private final List<PublisherNode> publishers = new ArrayList<>();
    private NodeProcess broker;

    @AfterEach
    void stopAll() throws Exception {
        publishers.forEach(PublisherNode::stop);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void killMinus9DuringChanges_retainedPresenceIsEveryLastChange_andEveryPublisherComesBack() throws Exception {
        BrokerHome home = BrokerHome.create(dir.resolve("broker"));
        home.addUser("viewer", Role.VIEWER);
        for (int i = 0; i < PEOPLE; i++) {
            home.addUser(person(i), Role.PUBLISHER);
        }
        broker = startBroker(home, "broker-1.out");
        List<TeamsLog> logs = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String person = person(i);
            TeamsLog log = TeamsLog.create(dir.resolve("teams-" + person), "Available");
            logs.add(log);
            PublisherNode node =
                    new PublisherNode(PublisherConfig.teamsLogs(person, home.settings(person), log.folder()));
            node.start();
            publishers.add(node);
        }
        awaitEveryone(home, "availability", p -> "online", Duration.ofSeconds(30));

        AtomicInteger made = new AtomicInteger();
        String[] last = new String[PEOPLE];
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            int who = i;
            Thread t = new Thread(() -> makeChanges(logs.get(who), who, last, made), "writer-" + person(i));
            writers.add(t);
            t.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> made.get() >= PEOPLE * CHANGES * 2 / 5);
        broker.kill();
        assertThat(made.get()).isLessThan(PEOPLE * CHANGES);

        broker = startBroker(home, "broker-2.out");
        // Every publisher is back: the restarted broker logged its connection. (The retained "online" cannot tell:
        // it survived the broker's death, which sends no wills.) A generous bound: how fast is bench/run recovery.
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(BrokerRecovery.connectedClients(broker.output()))
                        .containsAll(clientIds()));

        for (Thread t : writers) {
            t.join(60_000);
        }
        assertThat(made.get()).isEqualTo(PEOPLE * CHANGES);
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            expected.put(person(i), TeamsLog.STATUSES[indexOf(last[i])]);
        }
        // Each read may take its own connection's time; 5 s was less than one slow connect on a busy machine.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(retainedStatuses(home)).isEqualTo(expected));
        assertThat(broker.isAlive()).isTrue();
    }

    /** 500 changes, each to another availability than the one before, a few milliseconds apart. */
    private static void makeChanges(TeamsLog log, int who, String[] last, AtomicInteger made) {
        Random random = new Random(who);
        String previous = "Available";
        try {
            for (int n = 0; n < CHANGES; n++) {
                String next;
                do {
                    next = TeamsLog.AVAILABILITIES[random.nextInt(TeamsLog.AVAILABILITIES.length)];
                } while (next.equals(previous));
                log.append(next);
                previous = next;
                last[who] = next;
                made.incrementAndGet();
                Thread.sleep(10 + random.nextInt(20));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> retainedStatuses(BrokerHome home) {
        Map<String, String> statuses = new HashMap<>();
        Retained.read(home.settings("viewer"), "onair/person/+/presence", m -> m.size() == PEOPLE)
                .forEach((topic, json) -> {
                    String person = topic.split("/")[2];
                    int at = json.indexOf("\"status\":\"");
                    statuses.put(person, json.substring(at + 10, json.indexOf('"', at + 10)));
                });
        return statuses;
    }

    private static void awaitEveryone(
            BrokerHome home, String kind, java.util.function.Function<String, String> value, Duration atMost) {
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            expected.put("onair/person/" + person(i) + "/" + kind, value.apply(person(i)));
        }
        await().atMost(atMost)
                .untilAsserted(() -> assertThat(
                                Retained.read(home.settings("viewer"), "onair/person/+/" + kind, expected::equals))
                        .isEqualTo(expected));
    }

    private NodeProcess startBroker(BrokerHome home, String output) throws Exception {
        NodeProcess b = NodeProcess.start(Kind.BROKER, false, BROKER_FLAGS, home.brokerArgs(), dir.resolve(output));
        b.awaitPort(home.tlsPort(), 60_000);
        return b;
    }

    private static List<String> clientIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            ids.add("onair-publisher-" + person(i));
        }
        return ids;
    }

    private static int indexOf(String availability) {
        return List.of(TeamsLog.AVAILABILITIES).indexOf(availability);
    }

    private static String person(int i) {
        return BrokerRecovery.person(i);
    }
}
