package dev.onair.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.display.DisplayConfig;
import dev.onair.display.DisplayNode;
import dev.onair.display.WebSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Dashboard fan-out (issues 7 and 15): {@code --clients} Server-Sent Events streams on a display node's
 * {@code /api/events}, each from its own loopback address, then {@code --changes} presence changes published to the
 * broker one at a time; for each, the delay from the publish to its arrival at every client. Broker, display and
 * clients in this JVM, over loopback; the memory and threads the streams add are this JVM's before and after they
 * open (heap after a full GC, resident set, live threads).
 */
public final class SseFanOut {
    private static final long BASE = 1_900_000_000L;

    private SseFanOut() {}

    /** One run's figures. */
    public record Result(
            int asked,
            int streaming,
            int refused,
            List<Double> latencies,
            List<Double> allReached,
            double heapMiB,
            double rssMiB,
            int threads) {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int clients = args.integer("clients", 1000);
        int changes = args.integer("changes", 21);
        int runs = args.integer("runs", 3);
        Stats.Table table = new Stats.Table(
                "Dashboard SSE fan-out, " + clients + " clients asked for, " + changes + " changes per run (ms)",
                "run",
                "streaming",
                "refused",
                "deliveries",
                "p50",
                "p99",
                "max",
                "median change reached all streams",
                "heap added (MiB)",
                "RSS added (MiB)",
                "threads added");
        for (int r = 0; r < runs; r++) {
            Result result = measure(clients, changes);
            Stats s = Stats.of(result.latencies());
            double all = Stats.of(result.allReached()).p50();
            double[] row = {s.p50(), s.p99(), s.max(), all, result.heapMiB(), result.rssMiB(), result.threads()};
            table.runRow(
                    List.of(
                            r + 1,
                            result.streaming(),
                            result.refused(),
                            result.latencies().size()),
                    row);
        }
        table.medianRow("median", "", "", "");
        table.print();
    }

    public static Result measure(int clients, int changes) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker().start();
        DisplayNode display = null;
        Mqtt5AsyncClient fan = null;
        try {
            broker.addUser("fan", Role.PUBLISHER);
            broker.addUser("main", Role.DISPLAY);
            display = new DisplayNode(
                    DisplayConfig.defaults(broker.settings("main"))
                            .withWeb(new WebSettings("127.0.0.1", 0, null))
                            .withStartupRainbow(Duration.ZERO),
                    settings -> new RecordingPanel(16, 16),
                    Clock.systemUTC());
            display.start();
            fan = Mqtt.connect(broker.settings("fan"), "fan", 10);
            awaitTrue(display::isConnected, 20_000);
            Footprint before = Footprint.now();
            try (SseClients sse = SseClients.open(
                    display.httpPort(),
                    "/api/events",
                    clients,
                    k -> Instant.ofEpochSecond(BASE + k).toString())) {
                Thread.sleep(2_000); // every stream has its snapshot, or has been refused
                List<Double> latencies = new ArrayList<>();
                List<Double> allReached = new ArrayList<>();
                int streaming = sse.streaming();
                Footprint with = Footprint.now();
                for (int k = 0; k < changes; k++) {
                    sse.drain();
                    long start = System.nanoTime();
                    fan.publishWith()
                            .topic(Payloads.presenceTopic("fan"))
                            .payload(Payloads.presence(
                                    "fan", k % 2 == 0 ? "busy" : "available", Instant.ofEpochSecond(BASE + k)))
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .retain(true)
                            .send();
                    List<long[]> got = new ArrayList<>();
                    long deadline = System.currentTimeMillis() + 5_000;
                    while (got.size() < streaming && System.currentTimeMillis() < deadline) {
                        Thread.sleep(2);
                        got.addAll(sse.drain());
                    }
                    long last = 0;
                    for (long[] a : got) {
                        // Change 0 warms the path up (class loading, JIT) and is not counted.
                        if (a[0] == k && k > 0) {
                            latencies.add((a[2] - start) / 1e6);
                            last = Math.max(last, a[2]);
                        }
                    }
                    if (got.size() >= streaming && k > 0) {
                        allReached.add((last - start) / 1e6);
                    }
                    Thread.sleep(100);
                }
                return new Result(
                        clients,
                        streaming,
                        sse.closedByServer(),
                        latencies,
                        allReached,
                        (with.heap() - before.heap()) / 1048576.0,
                        (with.rssKiB() - before.rssKiB()) / 1024.0,
                        with.threads() - before.threads());
            }
        } finally {
            if (fan != null) {
                Mqtt.close(fan);
            }
            if (display != null) {
                display.stop();
            }
            broker.close();
        }
    }

    /** This JVM's heap in use after a full collection, resident set and live threads. */
    private record Footprint(long heap, long rssKiB, int threads) {
        static Footprint now() throws java.io.IOException, InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heap = java.lang.management.ManagementFactory.getMemoryMXBean()
                    .getHeapMemoryUsage()
                    .getUsed();
            return new Footprint(
                    heap,
                    Procfs.rssKiB(ProcessHandle.current().pid()),
                    java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(10);
        }
    }
}
