package dev.onair.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up of {@code onair pi} (issue 17, "up in a second"): from launching the JVM to the broker's TLS port
 * accepting, and to the retained state the broker kept from the last run on the panel (the display's
 * {@code GET /api/display/frame}, polled every 5 ms), with the display's default start-up rainbow. Each run has its
 * own folder; a first launch there publishes alice's retained Busy and stops cleanly, and with {@code cds} it is also
 * the run that makes the class data sharing archive, as the launcher's first run does; the measured launch then uses
 * the archive.
 */
final class PiStartUp {
    private final List<String> flags;
    private final boolean cds;

    PiStartUp(List<String> flags, boolean cds) {
        this.flags = flags;
        this.cds = cds;
    }

    /** One run: {TLS port accepting, retained state on the panel}, ms after launch. */
    double[] run() throws Exception {
        Path dir = Files.createTempDirectory("onair-bench-pi-startup-");
        BrokerHome home = BrokerHome.create(dir);
        home.addUser("alice", Role.PUBLISHER);
        int http = FreePorts.one();
        List<String> args = AppMemory.piArgs(home, dir, http, false);
        Path archive = dir.resolve("onair-pi.jsa");
        try (NodeProcess first = start(dir, args, cds ? "-XX:ArchiveClassesAtExit=" + archive : null, "first")) {
            first.awaitPort(home.tlsPort(), 120_000);
            Mqtt5AsyncClient alice = connect(home);
            alice.publishWith()
                    .topic(Payloads.presenceTopic("alice"))
                    .payload(Payloads.presence("alice", "busy", Instant.now()))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .send()
                    .join();
            Mqtt.close(alice);
            awaitRed(first, http, System.currentTimeMillis() + 120_000);
            first.stop(180);
        }
        if (cds && !Files.isRegularFile(archive)) {
            throw new IllegalStateException("the first run made no class data sharing archive " + archive);
        }
        long launched = System.nanoTime();
        try (NodeProcess pi = start(dir, args, cds ? "-XX:SharedArchiveFile=" + archive : null, "measured")) {
            pi.awaitPort(home.tlsPort(), 120_000);
            long accepting = System.nanoTime();
            awaitRed(pi, http, System.currentTimeMillis() + 120_000);
            long shown = System.nanoTime();
            return new double[] {(accepting - launched) / 1e6, (shown - launched) / 1e6};
        }
    }

    private NodeProcess start(Path dir, List<String> args, String cdsFlag, String name) throws IOException {
        List<String> all = new ArrayList<>(flags);
        if (cdsFlag != null) {
            all.add(cdsFlag);
            all.add("-Xlog:cds=off"); // as the launcher: no warning per class it cannot archive
        }
        return NodeProcess.start(Kind.APP, true, all, args, dir.resolve(name + ".out"));
    }

    private static Mqtt5AsyncClient connect(BrokerHome home) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                return Mqtt.connect(home.settings("alice"), "alice", 10);
            } catch (Exception notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("alice cannot log in to onair pi", notYet);
                }
                Thread.sleep(5);
            }
        }
    }

    private static void awaitRed(NodeProcess pi, int http, long deadline) throws InterruptedException {
        while (!StartUp.middleIsRed(http)) {
            if (!pi.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("onair pi never showed alice busy:\n" + pi.output());
            }
            Thread.sleep(5);
        }
    }
}
