package dev.onair.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.broker.users.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Presence changes as publishers make them: people {@code p0..pN-1}, each its own publisher user and client,
 * retained at QoS 1, with at most {@code window} unacknowledged at a time. Statuses alternate between available and
 * busy; {@link #finish} leaves everyone {@code away}, so a reader can tell when the last change arrived.
 */
public final class Changes implements AutoCloseable {
    public static final String LAST_STATUS = "away";

    private final List<String> people = new ArrayList<>();
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private long sent;

    private Changes() {}

    /** Adds the users (the broker re-reads its users file) and connects one client per person. */
    public static Changes connect(BrokerHome home, int count) throws Exception {
        Changes changes = new Changes();
        for (int i = 0; i < count; i++) {
            String person = "p" + i;
            home.addUser(person, Role.PUBLISHER);
        }
        for (int i = 0; i < count; i++) {
            String person = "p" + i;
            changes.people.add(person);
            changes.clients.add(Mqtt.connect(home.settings(person), "bench-" + person, 100));
        }
        return changes;
    }

    public List<String> people() {
        return people;
    }

    /** Makes {@code count} changes, spread over the people in turn, and waits until the broker acknowledged all. */
    public void make(int count, int window) throws Exception {
        Semaphore inFlight = new Semaphore(window);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int who = i % people.size();
            long n = sent++;
            String status = (n / people.size()) % 2 == 0 ? "busy" : "available";
            inFlight.acquire();
            pending.add(publish(who, status, n).whenComplete((r, e) -> inFlight.release()));
            if (pending.size() > 10_000) {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .get(60, TimeUnit.SECONDS);
                pending.clear();
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    /** Everyone {@link #LAST_STATUS}. */
    public void finish() throws Exception {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            pending.add(publish(i, LAST_STATUS, sent++));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private CompletableFuture<?> publish(int who, String status, long n) {
        String person = people.get(who);
        return clients.get(who)
                .publishWith()
                .topic(Payloads.presenceTopic(person))
                .payload(Payloads.presence(person, status, Instant.ofEpochSecond(1_800_000_000L + n)))
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .send();
    }

    @Override
    public void close() {
        clients.forEach(Mqtt::close);
    }
}
