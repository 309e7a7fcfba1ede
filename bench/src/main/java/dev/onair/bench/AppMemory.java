package dev.onair.bench;

import dev.onair.bench.NodeProcess.Kind;
import dev.onair.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pi memory of {@code onair pi} (issue 7): the broker, display and bridge in one JVM, from the app's shaded jar with
 * the shipped flags; resident memory idle and after 10,000 presence changes the display has shown.
 */
public final class AppMemory {
    private AppMemory() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int changes = args.integer("changes", 10_000);
        int runs = args.integer("runs", 3);
        int settleSeconds = args.integer("settle-seconds", 10);
        // --nmt true: where the memory goes, from the JVM's own native memory tracking (jcmd VM.native_memory summary)
        // after the changes. Tracking itself costs a few MiB, so its RSS figures are not the headline ones.
        boolean nmt = Boolean.parseBoolean(args.string("nmt", "false"));
        List<String> flags = new ArrayList<>(NodeProcess.PI_FLAGS);
        if (!args.string("max-ram", "").isEmpty()) {
            flags.add("-XX:MaxRAM=" + args.string("max-ram", ""));
        }
        // --extra-flags "-Xmx64m -XX:TieredStopAtLevel=1": JVM flags to try on top of the shipped ones.
        for (String f : args.string("extra-flags", "").trim().split("\\s+")) {
            if (!f.isEmpty()) {
                flags.add(f);
            }
        }
        if (nmt) {
            flags.add("-XX:NativeMemoryTracking=summary");
        }
        if (Kind.APP.jar() == null) {
            System.out.println("no app/target/onair-app-0.1.0-SNAPSHOT-all.jar: build it first");
            return;
        }
        Stats.Table table = new Stats.Table(
                "./onair pi (one JVM) memory, RSS in MiB, flags " + String.join(" ", flags) + ", " + changes
                        + " changes over 10 people",
                "run",
                "idle",
                "after changes");
        List<Double> idle = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double[] row = run(flags, changes, settleSeconds, nmt);
            idle.add(row[0]);
            after.add(row[1]);
            table.row(r + 1, row[0], row[1]);
        }
        table.row("median", Stats.median(idle), Stats.median(after));
        table.print();
        System.out.println("started from: " + NodeProcess.origin(Kind.APP, true) + " pi");
        System.out.println("target: <= 128 MiB for the Pi side");
    }

    static double[] run(List<String> flags, int changes, int settleSeconds, boolean nmt) throws Exception {
        Path dir = Files.createTempDirectory("onair-bench-app-");
        BrokerHome home = BrokerHome.create(dir);
        int http = FreePorts.one();
        List<String> args = piArgs(home, dir, http, true);
        try (NodeProcess app = NodeProcess.start(Kind.APP, true, flags, args, dir.resolve("app.out"))) {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!healthy(client, http)) {
                if (!app.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("onair pi did not become healthy:\n" + app.output());
                }
                Thread.sleep(50);
            }
            Thread.sleep(settleSeconds * 1000L);
            double idle = app.rssMiB();
            try (Changes load = Changes.connect(home, 10)) {
                load.make(changes, 20);
                load.finish();
                deadline = System.currentTimeMillis() + 60_000;
                while (true) {
                    String people = get(client, http, "/api/people");
                    if (people != null
                            && load.people().stream()
                                    .allMatch(p -> Changes.LAST_STATUS.equals(
                                            PiSide.statuses(people).get(p)))) {
                        break;
                    }
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("onair pi does not show the last changes: " + people);
                    }
                    Thread.sleep(50);
                }
            }
            Thread.sleep(settleSeconds * 1000L);
            double after = app.rssMiB();
            if (nmt) {
                System.out.println(nativeMemory(app.pid()));
            }
            return new double[] {idle, after};
        }
    }

    private static String nativeMemory(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary", "scale=MB")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /**
     * The command line of {@code onair pi} on {@code home}'s certificates, users and free TLS port, mDNS off, the
     * dashboard on loopback {@code http}; {@code noRainbow}: without the start-up rainbow.
     */
    static List<String> piArgs(BrokerHome home, Path dir, int http, boolean noRainbow) throws IOException {
        Path config = Files.writeString(
                dir.resolve("onair.yaml"),
                String.join(
                        "\n",
                        "broker:",
                        "  tls-port: " + home.tlsPort(),
                        "  port: 0",
                        "  ws-port: 0",
                        "  no-mdns: true",
                        "display:",
                        "  http-host: 127.0.0.1",
                        noRainbow ? "  rainbow-seconds: 0" : "",
                        ""));
        return List.of(
                "pi",
                "--config",
                config.toString(),
                "--certs",
                home.certsDir().toString(),
                "--users",
                home.root().resolve("users.yaml").toString(),
                "--data",
                dir.resolve("data").toString(),
                "--panel",
                "virtual",
                "--http-port",
                Integer.toString(http));
    }

    private static boolean healthy(HttpClient client, int port) {
        return get(client, port, "/healthz") != null;
    }

    private static String get(HttpClient client, int port, String path) {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
