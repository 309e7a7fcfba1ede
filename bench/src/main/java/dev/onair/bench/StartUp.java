package dev.onair.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up (issue 7): from launching the broker's JVM to its TLS port accepting connections and to the first MQTT
 * CONNACK over TLS; and from launching the display's JVM (broker already up, a retained Busy presence on it) to the
 * display's frame showing that presence ({@code GET /api/display/frame}, polled every 5 ms). Shaded jars, the shipped
 * JVM flags, the start-up rainbow off (the default adds its 2 s). Before these, {@code onair pi} ({@link
 * PiStartUp}) as the machine is and beside {@code stress-ng} CPU workers; {@code --nodes false} leaves out the
 * separate nodes.
 */
public final class StartUp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StartUp() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int runs = args.integer("runs", 5);
        List<String> flags = new ArrayList<>(NodeProcess.PI_FLAGS);
        if (!args.string("max-ram", "").isEmpty()) {
            flags.add("-XX:MaxRAM=" + args.string("max-ram", ""));
        }
        // onair pi, as the launcher runs it (its class data sharing archive unless --cds false): as the machine is,
        // then beside stress-ng CPU workers (--load-workers, 0 for none).
        boolean cds = Boolean.parseBoolean(args.string("cds", "true"));
        int workers = args.integer("load-workers", 2);
        piTable(new PiStartUp(flags, cds), runs, "as the machine is", flags, cds);
        if (workers > 0) {
            Process load = new ProcessBuilder("stress-ng", "--cpu", Integer.toString(workers), "--quiet")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                piTable(new PiStartUp(flags, cds), runs, "beside stress-ng --cpu " + workers, flags, cds);
            } finally {
                load.destroy();
                load.waitFor();
            }
        }
        if (!Boolean.parseBoolean(args.string("nodes", "true"))) {
            return;
        }
        Stats.Table table = new Stats.Table(
                "Start-up in ms, flags " + String.join(" ", flags),
                "run",
                "broker: TLS port accepting",
                "broker: first CONNACK over TLS",
                "display: retained state on the panel");
        for (int r = 0; r < runs; r++) {
            double[] row = run(flags, true);
            table.runRow(List.of(r + 1), row);
        }
        table.medianRow("median");
        table.print();
        System.out.println("started from: " + NodeProcess.origin(Kind.BROKER, true) + ", "
                + NodeProcess.origin(Kind.DISPLAY, true));
    }

    private static void piTable(PiStartUp pi, int runs, String condition, List<String> flags, boolean cds)
            throws Exception {
        Stats.Table table = new Stats.Table(
                "onair pi start-up in ms, " + condition + ", flags " + String.join(" ", flags)
                        + (cds ? " + the class data sharing archive of a first run" : ""),
                "run",
                "load average (1 min) at launch",
                "broker: TLS port accepting",
                "retained state on the panel");
        List<Double> accepting = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            double[] row = pi.run();
            accepting.add(row[0]);
            shown.add(row[1]);
            table.row(r + 1, load, row[0], row[1]);
        }
        table.row("median", "", Stats.median(accepting), Stats.median(shown));
        table.print();
        System.out.println("targets (quiet machine): TLS port accepting <= 1000 ms, retained state <= 2000 ms");
    }

    static double[] run(List<String> flags, boolean fromJar) throws Exception {
        Path dir = Files.createTempDirectory("onair-bench-startup-");
        BrokerHome home = BrokerHome.create(dir);
        home.addUser("alice", Role.PUBLISHER);
        home.addUser("main", Role.DISPLAY);
        long launched = System.nanoTime();
        try (NodeProcess broker =
                NodeProcess.start(Kind.BROKER, fromJar, flags, home.brokerArgs(), dir.resolve("broker.out"))) {
            broker.awaitPort(home.tlsPort(), 60_000);
            long accepting = System.nanoTime();
            Mqtt5AsyncClient alice = null;
            while (alice == null) {
                try {
                    alice = Mqtt.connect(home.settings("alice"), "alice", 10);
                } catch (Exception notYet) {
                    Thread.sleep(5);
                }
            }
            long connack = System.nanoTime();
            alice.publishWith()
                    .topic(Payloads.presenceTopic("alice"))
                    .payload(Payloads.presence("alice", "busy", Instant.now()))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .send()
                    .join();
            Mqtt.close(alice);

            int http = FreePorts.one();
            List<String> args = new ArrayList<>(List.of(
                    "display",
                    "--panel",
                    "virtual",
                    "--http-host",
                    "127.0.0.1",
                    "--http-port",
                    Integer.toString(http),
                    "--rainbow-seconds",
                    "0"));
            args.addAll(home.clientArgs("main"));
            long displayLaunched = System.nanoTime();
            try (NodeProcess display =
                    NodeProcess.start(Kind.DISPLAY, fromJar, flags, args, dir.resolve("display.out"))) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!middleIsRed(http)) {
                    if (!display.isAlive() || System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("the display never showed alice busy:\n" + display.output());
                    }
                    Thread.sleep(5);
                }
                long shown = System.nanoTime();
                return new double[] {
                    (accepting - launched) / 1e6, (connack - launched) / 1e6, (shown - displayLaunched) / 1e6
                };
            }
        }
    }

    /** Whether the display's frame has a red middle pixel (alice is busy), as its dashboard API says. */
    static boolean middleIsRed(int httpPort) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/display/frame"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return false;
            }
            JsonNode frame = JSON.readTree(r.body());
            int w = frame.path("width").asInt();
            int h = frame.path("height").asInt();
            JsonNode p = frame.path("pixels").path((h / 2) * w + w / 2);
            return p.path(0).asInt() > 0 && p.path(1).asInt() == 0 && p.path(2).asInt() == 0;
        } catch (Exception notYet) {
            return false;
        }
    }
}
