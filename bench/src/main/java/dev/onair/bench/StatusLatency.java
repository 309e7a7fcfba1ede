package dev.onair.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.display.DisplayConfig;
import dev.onair.display.DisplayNode;
import dev.onair.display.WebSettings;
import dev.onair.display.panel.Frame;
import dev.onair.publisher.PublisherConfig;
import dev.onair.publisher.PublisherNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Status latency (issue 7): a line appended to a Teams log → presence retained on the broker → the frame written to
 * the panel. The real broker (TLS on loopback), a real publisher following a log folder and a real display node whose
 * panel is a {@link RecordingPanel}, all in this JVM; an observer client stamps the broker leg.
 *
 * <p>Changes alternate between Available (green) and Busy (red), with a random pause of up to two render periods
 * between them so the append lands anywhere in the display's render cycle.
 */
public final class StatusLatency {
    private static final long TIMEOUT_MS = 5_000;

    /** One run's three legs, in milliseconds per change. */
    public record Run(List<Double> toBroker, List<Double> toPanel, List<Double> total, int lost) {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int changes = args.integer("changes", 1000);
        int runs = args.integer("runs", 3);
        int warmup = args.integer("warmup", 100);
        List<Run> results = measure(changes, runs, warmup);
        print(changes, results);
    }

    public static List<Run> measure(int changes, int runs, int warmup) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker().start();
        Path dir = Files.createTempDirectory("onair-bench-latency-");
        DisplayNode display = null;
        PublisherNode publisher = null;
        Mqtt5AsyncClient observer = null;
        try {
            broker.addUser("bench", Role.PUBLISHER);
            broker.addUser("main", Role.DISPLAY);
            broker.addUser("observer", Role.VIEWER);
            RecordingPanel panel = new RecordingPanel(16, 16);
            display = new DisplayNode(
                    DisplayConfig.defaults(broker.settings("main"))
                            .withWeb(new WebSettings("127.0.0.1", 0, null))
                            .withStartupRainbow(Duration.ZERO),
                    settings -> panel,
                    Clock.systemUTC());
            display.start();
            Stamp onBroker = new Stamp();
            observer = Mqtt.connect(broker.settings("observer"), "bench-observer", 100);
            observer.publishes(
                    MqttGlobalPublishFilter.ALL,
                    p -> onBroker.offer(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), System.nanoTime()));
            observer.subscribeWith()
                    .topicFilter("onair/person/bench/presence")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .join();
            TeamsLog log = TeamsLog.create(dir.resolve("teams"), "Available");
            publisher = new PublisherNode(PublisherConfig.teamsLogs("bench", broker.settings("bench"), log.folder()));
            publisher.start();

            Random random = new Random(7);
            boolean busy = false;
            // Start green, and warm the JIT up.
            busy = change(log, panel, onBroker, busy, random, null);
            Run warm = new Run(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
            for (int i = 0; i < warmup; i++) {
                busy = change(log, panel, onBroker, busy, random, warm);
            }
            List<Run> results = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                Run run = new Run(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
                int lost = 0;
                for (int i = 0; i < changes; i++) {
                    int before = run.total().size();
                    busy = change(log, panel, onBroker, busy, random, run);
                    if (run.total().size() == before) {
                        lost++;
                    }
                }
                results.add(new Run(run.toBroker(), run.toPanel(), run.total(), lost));
            }
            return results;
        } finally {
            if (observer != null) {
                Mqtt.close(observer);
            }
            if (publisher != null) {
                publisher.stop();
            }
            if (display != null) {
                display.stop();
            }
            broker.close();
        }
    }

    /** Makes one change and records its legs in {@code run} (nothing when it timed out); returns the new state. */
    private static boolean change(
            TeamsLog log, RecordingPanel panel, Stamp onBroker, boolean busy, Random random, Run run) throws Exception {
        boolean next = !busy;
        Predicate<Frame> wanted = RecordingPanel.middleIs(next ? 0 : 1);
        panel.expect(wanted);
        onBroker.expect(next ? "\"status\":\"busy\"" : "\"status\":\"available\"");
        long start = System.nanoTime();
        log.append(next ? "Busy" : "Available");
        long brokerAt = onBroker.await(TIMEOUT_MS);
        long panelAt = panel.awaitShown(TIMEOUT_MS);
        if (run != null && brokerAt != 0 && panelAt != 0) {
            run.toBroker().add((brokerAt - start) / 1e6);
            run.toPanel().add(Math.max(0, panelAt - brokerAt) / 1e6);
            run.total().add((panelAt - start) / 1e6);
        }
        Thread.sleep(random.nextInt(2 * 40) + 1);
        return next;
    }

    static void print(int changes, List<Run> results) {
        Stats.Table table = new Stats.Table(
                "Status latency, Teams log line -> broker -> panel frame, TLS on loopback, " + changes
                        + " changes per run (ms)",
                "run",
                "n",
                "lost",
                "log->broker p50",
                "p99",
                "broker->panel p50",
                "p99",
                "total p50",
                "total p99",
                "total max");
        for (int r = 0; r < results.size(); r++) {
            Run run = results.get(r);
            Stats b = Stats.of(run.toBroker());
            Stats p = Stats.of(run.toPanel());
            Stats t = Stats.of(run.total());
            double[] row = {b.p50(), b.p99(), p.p50(), p.p99(), t.p50(), t.p99(), t.max()};
            table.runRow(List.of(r + 1, t.count(), run.lost()), row);
        }
        table.medianRow("median", "", "");
        table.print();
        System.out.println("target: total p99 <= 20 ms");
    }

    /** Stamps the first message that contains an expected text. */
    static final class Stamp {
        private String expected;
        private long at;

        synchronized void expect(String text) {
            expected = text;
            at = 0;
        }

        synchronized void offer(String payload, long now) {
            if (expected != null && payload.contains(expected)) {
                at = now;
                expected = null;
                notifyAll();
            }
        }

        synchronized long await(long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (at == 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return 0;
                }
                wait(left);
            }
            return at;
        }
    }
}
