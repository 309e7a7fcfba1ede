package dev.onair.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pi memory (issue 7): resident memory of the broker, display and bridge processes, started from their shaded jars
 * with the JVM flags OnAir ships, idle (after a settling pause) and after 10,000 presence changes that the display
 * has shown. Each run starts fresh processes.
 */
public final class PiMemory {
    private PiMemory() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int changes = args.integer("changes", 10_000);
        int runs = args.integer("runs", 3);
        int settleSeconds = args.integer("settle-seconds", 10);
        int people = args.integer("people", 10);
        // The heap is sized from the machine's memory (MaxRAMPercentage, and 1/64 of it initially): -XX:MaxRAM=1g
        // makes this machine size it as a 1 GB Pi would.
        String maxRam = args.string("max-ram", "");
        List<String> flags = new ArrayList<>(NodeProcess.PI_FLAGS);
        if (!maxRam.isEmpty()) {
            flags.add("-XX:MaxRAM=" + maxRam);
        }
        Stats.Table table = new Stats.Table(
                "Pi memory, RSS in MiB, flags " + String.join(" ", flags) + ", " + changes + " changes over " + people
                        + " people",
                "run",
                "broker idle",
                "display idle",
                "bridge idle",
                "sum idle",
                "broker after",
                "display after",
                "bridge after",
                "sum after");
        for (int r = 0; r < runs; r++) {
            double[] row = run(flags, true, changes, people, settleSeconds);
            table.runRow(List.of(r + 1), row);
        }
        table.medianRow("median");
        table.print();
        System.out.println("started from: " + NodeProcess.origin(NodeProcess.Kind.BROKER, true) + ", "
                + NodeProcess.origin(NodeProcess.Kind.DISPLAY, true) + ", "
                + NodeProcess.origin(NodeProcess.Kind.BRIDGE, true));
        System.out.println("target: <= 128 MiB for the Pi side");
    }

    /** One run: idle broker, display, bridge and sum, then the same after the changes. */
    static double[] run(List<String> flags, boolean fromJar, int changes, int people, int settleSeconds)
            throws Exception {
        Path dir = Files.createTempDirectory("onair-bench-memory-");
        BrokerHome home = BrokerHome.create(dir);
        try (PiSide pi = PiSide.start(home, fromJar, flags)) {
            Thread.sleep(settleSeconds * 1000L);
            double[] idle = pi.rssMiB();
            try (Changes load = Changes.connect(home, people)) {
                load.make(changes, 20);
                load.finish();
                pi.awaitDisplayShows(load.people(), Changes.LAST_STATUS, 60_000);
            }
            Thread.sleep(settleSeconds * 1000L);
            double[] after = pi.rssMiB();
            return new double[] {
                idle[0],
                idle[1],
                idle[2],
                idle[0] + idle[1] + idle[2],
                after[0],
                after[1],
                after[2],
                after[0] + after[1] + after[2]
            };
        }
    }
}
