package dev.onair.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.users.Role;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Broker throughput (issue 7): QoS 1 over TLS, 1 KiB payloads, {@code --publishers} clients each publishing
 * {@code --messages} with up to {@code --window} unacknowledged, one subscriber receiving everything at QoS 1. The same
 * driver runs against OnAir's broker (its shaded jar, the shipped JVM flags) and Debian's Mosquitto, alternately, in
 * one run; the figure is messages delivered to the subscriber per second.
 */
public final class Throughput {
    /** The broker's JVM flags: the shipped ones, or --flags "..." to compare others (issue 17: C1 only or not). */
    private static List<String> brokerFlags = NodeProcess.PI_FLAGS;

    /**
     * The subscriber's MQTT 5 Receive Maximum, the same for both brokers. 65,535 (what a client that states none gets)
     * by default: Debian's Mosquitto 2.0.11 sends a subscriber more unacknowledged QoS 1 messages than a Receive
     * Maximum of 1,000 allows after some 20,000 messages (its outgoing send quota drifts, eclipse-mosquitto/mosquitto
     * #2301; quota fixes came in 2.0.13), and the HiveMQ client then disconnects itself, so with 1,000 Mosquitto's runs
     * ended part-way. {@code --receive-maximum 1000} reproduces that; OnAir's broker honouring the limit is asserted by
     * ReceiveMaximumIT, not here.
     */
    private static int receiveMaximum = 65_535;

    private Throughput() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int publishers = args.integer("publishers", 4);
        int messages = args.integer("messages", 25_000);
        int window = args.integer("window", 100);
        int runs = args.integer("runs", 3);
        receiveMaximum = args.integer("receive-maximum", 65_535);
        String flags = args.string("flags", "").trim();
        if (!flags.isEmpty()) {
            brokerFlags = List.of(flags.split("\\s+"));
        }
        Stats.Table table = new Stats.Table(
                "Broker throughput, QoS 1 over TLS, 1 KiB payloads, " + publishers + " publishers x " + messages
                        + " messages, window " + window + ", 1 subscriber (receive maximum " + receiveMaximum
                        + "; messages/s delivered), OnAir's flags "
                        + String.join(" ", brokerFlags),
                "run",
                "OnAir broker",
                "lost",
                "Mosquitto",
                "lost",
                "OnAir / Mosquitto");
        List<Double> onair = new ArrayList<>();
        List<Double> mosquitto = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Result a = onAir(publishers, messages, window);
            Result b = mosquitto(publishers, messages, window);
            onair.add(a.rate());
            mosquitto.add(b.rate());
            ratios.add(a.rate() / b.rate());
            table.row(r + 1, a.rate(), a.lost(), b.rate(), b.lost(), a.rate() / b.rate());
            notes.add(note(r + 1, "OnAir", a));
            notes.add(note(r + 1, "Mosquitto", b));
        }
        table.row("median", Stats.median(onair), "", Stats.median(mosquitto), "", Stats.median(ratios));
        table.print();
        notes.stream().filter(n -> !n.isEmpty()).forEach(System.out::println);
        System.out.println(
                "OnAir broker from: " + NodeProcess.origin(Kind.BROKER, true) + "; " + firstLine("mosquitto", "-h"));
    }

    /** What a table row does not show: unacknowledged messages, duplicates, a dropped subscriber. */
    private static String note(int run, String broker, Result r) {
        List<String> parts = new ArrayList<>();
        if (r.unacknowledged() > 0) {
            parts.add(r.unacknowledged() + " never acknowledged to their publisher");
        }
        if (r.duplicates() > 0) {
            parts.add(r.duplicates() + " delivered twice");
        }
        if (r.subscriberDropped() != null) {
            parts.add("the subscriber's connection ended: " + r.subscriberDropped());
        }
        return parts.isEmpty() ? "" : "run " + run + ", " + broker + ": " + String.join("; ", parts);
    }

    /** Messages per second through OnAir's broker. */
    public static Result onAir(int publishers, int messages, int window) throws Exception {
        return onAir(publishers, messages, window, true);
    }

    static Result onAir(int publishers, int messages, int window, boolean fromJar) throws Exception {
        Path dir = Files.createTempDirectory("onair-bench-throughput-");
        BrokerHome home = BrokerHome.create(dir);
        for (int i = 0; i < publishers; i++) {
            home.addUser("t" + i, Role.PUBLISHER);
        }
        home.addUser("sink", Role.VIEWER);
        try (NodeProcess broker =
                NodeProcess.start(Kind.BROKER, fromJar, brokerFlags, home.brokerArgs(), dir.resolve("b.out"))) {
            broker.awaitPort(home.tlsPort(), 60_000);
            return drive(i -> home.settings("t" + i), home.settings("sink"), publishers, messages, window);
        }
    }

    /** Messages per second through Mosquitto. */
    public static Result mosquitto(int publishers, int messages, int window) throws Exception {
        BrokerHome home = BrokerHome.create(Files.createTempDirectory("onair-bench-mosquitto-"));
        try (Mosquitto mosquitto = Mosquitto.start(home)) {
            return drive(i -> mosquitto.settings(), mosquitto.settings(), publishers, messages, window);
        }
    }

    /**
     * What one run measured.
     *
     * @param rate messages per second delivered to the subscriber
     * @param lost messages a publisher had an acknowledgement for and the subscriber never got
     * @param unacknowledged messages a publisher never got an acknowledgement for (not counted as lost)
     * @param duplicates deliveries of a message the subscriber already had
     * @param subscriberDropped why the subscriber's connection ended during the run, or null if it did not
     */
    public record Result(double rate, long lost, long unacknowledged, long duplicates, String subscriberDropped) {}

    static Result drive(
            Function<Integer, BrokerSettings> publisher, BrokerSettings sink, int publishers, int messages, int window)
            throws Exception {
        long total = (long) publishers * messages;
        // Each payload starts with its publisher and sequence number, so the count is of distinct messages and a
        // message is "lost" only if its publisher had the broker's acknowledgement for it.
        Ledger delivered = new Ledger(publishers, messages);
        Ledger acknowledged = new Ledger(publishers, messages);
        AtomicLong duplicates = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        AtomicReference<String> dropped = new AtomicReference<>();
        Mqtt5AsyncClient subscriber =
                Mqtt.connect(sink, "sink", receiveMaximum, cause -> dropped.compareAndSet(null, cause));
        List<Mqtt5AsyncClient> clients = new ArrayList<>();
        try {
            subscriber.publishes(MqttGlobalPublishFilter.ALL, p -> {
                ByteBuffer payload = p.getPayload().orElseThrow();
                if (!delivered.mark(payload.getInt(0), payload.getInt(4))) {
                    duplicates.incrementAndGet();
                }
                lastAt.set(System.nanoTime());
            });
            subscriber
                    .subscribeWith()
                    .topicFilter("onair/person/+/presence")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .get(10, TimeUnit.SECONDS);
            for (int i = 0; i < publishers; i++) {
                clients.add(Mqtt.connect(publisher.apply(i), "t" + i, 100, cause -> {}));
            }
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < publishers; i++) {
                Mqtt5AsyncClient client = clients.get(i);
                int index = i;
                String topic = Payloads.presenceTopic("t" + i);
                Thread t = new Thread(
                        () -> publishAll(client, topic, index, messages, window, acknowledged), "driver-" + i);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            // Wait for the rest, until everything arrived or nothing more has for five seconds.
            long seen = -1;
            while (delivered.count() < total && delivered.count() != seen) {
                seen = delivered.count();
                Thread.sleep(5_000);
            }
            long got = delivered.count();
            return new Result(
                    got / ((lastAt.get() - start) / 1e9),
                    acknowledged.countMissingFrom(delivered),
                    total - acknowledged.count(),
                    duplicates.get(),
                    dropped.get());
        } finally {
            clients.forEach(Mqtt::close);
            Mqtt.close(subscriber);
        }
    }

    private static void publishAll(
            Mqtt5AsyncClient client, String topic, int publisher, int messages, int window, Ledger acknowledged) {
        Semaphore inFlight = new Semaphore(window);
        try {
            List<CompletableFuture<?>> last = new ArrayList<>();
            for (int m = 0; m < messages; m++) {
                inFlight.acquire();
                byte[] payload = new byte[1024];
                Arrays.fill(payload, (byte) 'x');
                ByteBuffer.wrap(payload).putInt(publisher).putInt(m);
                int sequence = m;
                CompletableFuture<?> f = client.publishWith()
                        .topic(topic)
                        .payload(payload)
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send()
                        .whenComplete((r, e) -> {
                            if (e == null) {
                                acknowledged.mark(publisher, sequence);
                            }
                            inFlight.release();
                        });
                if (m >= messages - window) {
                    last.add(f);
                }
            }
            CompletableFuture.allOf(last.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("publisher " + publisher + ": " + e);
        }
    }

    /** Which messages (publisher, sequence number) happened; thread-safe. */
    private static final class Ledger {
        private final BitSet[] seen;
        private final int messages;

        Ledger(int publishers, int messages) {
            this.messages = messages;
            seen = new BitSet[publishers];
            for (int i = 0; i < publishers; i++) {
                seen[i] = new BitSet(messages);
            }
        }

        /** Marks one; false if it was already marked. */
        synchronized boolean mark(int publisher, int sequence) {
            if (seen[publisher].get(sequence)) {
                return false;
            }
            seen[publisher].set(sequence);
            return true;
        }

        synchronized long count() {
            long n = 0;
            for (BitSet b : seen) {
                n += b.cardinality();
            }
            return n;
        }

        /** How many marked here are not marked in {@code other}. */
        synchronized long countMissingFrom(Ledger other) {
            long n = 0;
            for (int i = 0; i < seen.length; i++) {
                BitSet missing = (BitSet) seen[i].clone();
                synchronized (other) {
                    missing.andNot(other.seen[i]);
                }
                n += missing.cardinality();
            }
            return n;
        }

        @Override
        public String toString() {
            return count() + " of " + (long) seen.length * messages;
        }
    }

    private static String firstLine(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes())
                    .lines()
                    .findFirst()
                    .orElse("");
            p.waitFor();
            return out;
        } catch (Exception e) {
            return command[0] + ": " + e.getMessage();
        }
    }
}
