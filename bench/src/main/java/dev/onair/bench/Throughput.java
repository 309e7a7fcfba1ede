package dev.onair.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.users.Role;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Broker throughput (issue 7): QoS 1 over TLS, 1 KiB payloads, {@code --publishers} clients each publishing
 * {@code --messages} with up to {@code --window} unacknowledged, one subscriber receiving everything at QoS 1. The same
 * driver runs against OnAir's broker (its shaded jar, the shipped JVM flags) and Debian's Mosquitto, alternately, in
 * one run; the figure is messages delivered to the subscriber per second.
 */
public final class Throughput {
    private Throughput() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int publishers = args.integer("publishers", 4);
        int messages = args.integer("messages", 25_000);
        int window = args.integer("window", 100);
        int runs = args.integer("runs", 3);
        Stats.Table table = new Stats.Table(
                "Broker throughput, QoS 1 over TLS, 1 KiB payloads, " + publishers + " publishers x " + messages
                        + " messages, window " + window + ", 1 subscriber (messages/s delivered)",
                "run",
                "OnAir broker",
                "lost",
                "Mosquitto",
                "lost",
                "OnAir / Mosquitto");
        List<Double> onair = new ArrayList<>();
        List<Double> mosquitto = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Result a = onAir(publishers, messages, window);
            Result b = mosquitto(publishers, messages, window);
            onair.add(a.rate());
            mosquitto.add(b.rate());
            ratios.add(a.rate() / b.rate());
            table.row(r + 1, a.rate(), a.lost(), b.rate(), b.lost(), a.rate() / b.rate());
        }
        table.row("median", Stats.median(onair), "", Stats.median(mosquitto), "", Stats.median(ratios));
        table.print();
        System.out.println(
                "OnAir broker from: " + NodeProcess.origin(Kind.BROKER, true) + "; " + firstLine("mosquitto", "-h"));
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
        try (NodeProcess broker = NodeProcess.start(
                Kind.BROKER, fromJar, NodeProcess.PI_FLAGS, home.brokerArgs(), dir.resolve("b.out"))) {
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

    /** Messages per second delivered to the subscriber, and how many of those sent it never got. */
    public record Result(double rate, long lost) {}

    static Result drive(
            Function<Integer, BrokerSettings> publisher, BrokerSettings sink, int publishers, int messages, int window)
            throws Exception {
        long total = (long) publishers * messages;
        AtomicLong received = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        Mqtt5AsyncClient subscriber = Mqtt.connect(sink, "sink", 1000);
        List<Mqtt5AsyncClient> clients = new ArrayList<>();
        try {
            subscriber.publishes(MqttGlobalPublishFilter.ALL, p -> {
                received.incrementAndGet();
                lastAt.set(System.nanoTime());
            });
            subscriber
                    .subscribeWith()
                    .topicFilter("onair/person/+/presence")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .get(10, TimeUnit.SECONDS);
            for (int i = 0; i < publishers; i++) {
                clients.add(Mqtt.connect(publisher.apply(i), "t" + i, 100));
            }
            byte[] payload = new byte[1024];
            Arrays.fill(payload, (byte) 'x');
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < publishers; i++) {
                Mqtt5AsyncClient client = clients.get(i);
                String topic = Payloads.presenceTopic("t" + i);
                Thread t = new Thread(() -> publishAll(client, topic, payload, messages, window), "driver-" + i);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            // Wait for the rest, until everything arrived or nothing more has for five seconds.
            long seen = -1;
            while (received.get() < total && received.get() != seen) {
                seen = received.get();
                Thread.sleep(5_000);
            }
            long got = received.get();
            return new Result(got / ((lastAt.get() - start) / 1e9), total - got);
        } finally {
            clients.forEach(Mqtt::close);
            Mqtt.close(subscriber);
        }
    }

    private static void publishAll(Mqtt5AsyncClient client, String topic, byte[] payload, int messages, int window) {
        Semaphore inFlight = new Semaphore(window);
        try {
            List<CompletableFuture<?>> last = new ArrayList<>();
            for (int m = 0; m < messages; m++) {
                inFlight.acquire();
                CompletableFuture<?> f = client.publishWith()
                        .topic(topic)
                        .payload(payload)
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send()
                        .whenComplete((r, e) -> inFlight.release());
                if (m >= messages - window) {
                    last.add(f);
                }
            }
            CompletableFuture.allOf(last.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
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
