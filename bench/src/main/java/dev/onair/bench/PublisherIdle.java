package dev.onair.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publisher idle cost (issue 7): a publisher process (shaded jar, the flags of its systemd unit) follows a Teams log
 * folder where nothing happens; CPU time from {@code /proc} and the bytes through a counting proxy between it and the
 * broker, over {@code --seconds} after it has settled. Reported per minute.
 */
public final class PublisherIdle {
    /** The flags deploy/systemd/onair-publisher.service runs the publisher with. */
    static final List<String> PUBLISHER_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx48m");

    private PublisherIdle() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int seconds = args.integer("seconds", 600);
        int runs = args.integer("runs", 1);
        Stats.Table table = new Stats.Table(
                "Publisher idle cost over " + seconds + " s, per minute, flags " + String.join(" ", PUBLISHER_FLAGS),
                "run",
                "CPU ms/min",
                "CPU % of a core",
                "bytes up/min",
                "bytes down/min");
        List<List<Double>> columns =
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < runs; r++) {
            double[] row = run(seconds, true);
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
            table.row(r + 1, row[0], row[1], row[2], row[3]);
        }
        List<Object> median = new ArrayList<>(List.of("median"));
        columns.forEach(c -> median.add(Stats.median(c)));
        table.row(median.toArray());
        table.print();
        System.out.println("started from: " + NodeProcess.origin(Kind.PUBLISHER, true));
    }

    /** CPU ms per minute, CPU % of one core, bytes up and down per minute. */
    static double[] run(int seconds, boolean fromJar) throws Exception {
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
            try (NodeProcess publisher =
                    NodeProcess.start(Kind.PUBLISHER, fromJar, PUBLISHER_FLAGS, args, dir.resolve("publisher.out"))) {
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
                Thread.sleep(seconds * 1000L);
                double minutes = (System.nanoTime() - t0) / 60e9;
                double cpu = publisher.cpuMs() - cpu0;
                if (!publisher.isAlive()) {
                    throw new IllegalStateException("the publisher died:\n" + publisher.output());
                }
                return new double[] {
                    cpu / minutes,
                    cpu / (minutes * 60_000) * 100,
                    (proxy.bytesUp() - up0) / minutes,
                    (proxy.bytesDown() - down0) / minutes
                };
            }
        } finally {
            broker.close();
        }
    }
}
