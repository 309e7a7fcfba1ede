package dev.onair.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.publisher.install.JvmFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publisher idle cost (issues 7 and 14): {@code onair publisher} as users run it (the app's all-in-one jar, the JVM
 * flags of {@link JvmFlags#publisher()}: the release's launchers and the installed login service) follows a Teams log
 * folder where nothing happens. CPU time from {@code /proc/PID/stat} and the bytes through a counting proxy between it
 * and the broker over {@code --seconds} after a 5 s settle; resident memory from {@code /proc/PID/status} (VmRSS)
 * sampled every second, the largest and the last.
 *
 * <p>{@code bench/run publisher-idle [--seconds 120] [--runs 1] [--flags "..."] [--jar FILE]}: {@code --flags}
 * measures other JVM flags, {@code --jar} another build of the jar (the "before" of a change).
 */
public final class PublisherIdle {
    /** One run, per minute where it says so. */
    record Result(
            double cpuMsPerMin,
            double cpuPercent,
            double bytesUpPerMin,
            double bytesDownPerMin,
            double rssMax,
            double rssEnd) {}

    private PublisherIdle() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int seconds = args.integer("seconds", 120);
        int runs = args.integer("runs", 1);
        String given = args.string("flags", "").trim();
        List<String> flags = given.isEmpty() ? JvmFlags.publisher() : List.of(given.split("\\s+"));
        String jarArg = args.string("jar", "");
        Path jar = jarArg.isEmpty() ? Kind.APP.jar() : Path.of(jarArg);
        Stats.Table table = new Stats.Table(
                "Publisher idle over " + seconds + " s, flags " + String.join(" ", flags),
                "run",
                "CPU ms/min",
                "CPU % of a core",
                "bytes up/min",
                "bytes down/min",
                "RSS max MiB",
                "RSS end MiB");
        for (int r = 0; r < runs; r++) {
            Result x = run(seconds, jar, flags);
            double[] row = {
                x.cpuMsPerMin(), x.cpuPercent(), x.bytesUpPerMin(), x.bytesDownPerMin(), x.rssMax(), x.rssEnd()
            };
            table.runRow(List.of(r + 1), row);
        }
        table.medianRow("median");
        table.print();
        System.out.println("started from: " + (jar == null ? "class path" : jar));
    }

    /**
     * @param jar the all-in-one jar to run {@code publisher} from, or null for this JVM's class path (the tests)
     */
    static Result run(int seconds, Path jar, List<String> flags) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker().start();
        Path dir = Files.createTempDirectory("onair-bench-idle-");
        try (TcpProxy proxy = TcpProxy.start(broker.tlsPort())) {
            broker.addUser("idle", Role.PUBLISHER);
            broker.addUser("observer", Role.VIEWER);
            Mqtt5AsyncClient observer = Mqtt.connect(broker.settings("observer"), "observer", 10);
            CompletableFuture<Void> published = new CompletableFuture<>();
            observer.publishes(MqttGlobalPublishFilter.ALL, p -> published.complete(null));
            observer.subscribeWith()
                    .topicFilter(Payloads.presenceTopic("idle"))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .get(10, TimeUnit.SECONDS);
            TeamsLog log = TeamsLog.create(dir.resolve("teams"), "Available");
            Path password = Files.writeString(dir.resolve("password"), broker.password("idle") + "\n");
            List<String> args = List.of(
                    "publisher",
                    "--person",
                    "idle",
                    "--broker",
                    "mqtts://localhost:" + proxy.port(),
                    "--ca",
                    broker.caFile().toString(),
                    "--user",
                    "idle",
                    "--password-file",
                    password.toString(),
                    "--teams-logs",
                    log.folder().toString(),
                    "--teams-process-check",
                    "off");
            try (NodeProcess publisher = NodeProcess.start(
                    // The tests' class path has the publisher module, not the app (same `publisher` command).
                    jar == null ? Kind.PUBLISHER : Kind.APP, jar, flags, args, dir.resolve("publisher.out"))) {
                try {
                    published.get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("the publisher did not publish:\n" + publisher.output());
                } finally {
                    Mqtt.close(observer);
                }
                Thread.sleep(5_000); // start-up's JIT work is not idle cost
                double cpu0 = publisher.cpuMs();
                long up0 = proxy.bytesUp();
                long down0 = proxy.bytesDown();
                long t0 = System.nanoTime();
                double rssMax = 0;
                for (int s = 0; s < seconds; s++) {
                    Thread.sleep(1000); // one sample a second; reading /proc is not the publisher's CPU
                    rssMax = Math.max(rssMax, publisher.rssMiB());
                }
                double minutes = (System.nanoTime() - t0) / 60e9;
                double cpu = publisher.cpuMs() - cpu0;
                double rssEnd = publisher.rssMiB();
                if (!publisher.isAlive()) {
                    throw new IllegalStateException("the publisher died:\n" + publisher.output());
                }
                return new Result(
                        cpu / minutes,
                        cpu / (minutes * 60_000) * 100,
                        (proxy.bytesUp() - up0) / minutes,
                        (proxy.bytesDown() - down0) / minutes,
                        Math.max(rssMax, rssEnd),
                        rssEnd);
            }
        } finally {
            broker.close();
        }
    }
}
