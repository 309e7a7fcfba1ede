package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: a soak run of the Pi side (broker, display, bridge as separate processes with the shipped flags, sized as
 * on a 1 GB Pi) under a steady stream of presence changes. After a warm-up third, resident memory and the heap after
 * a full GC stay flat. {@code -Donair.soak.seconds=3600} for an hour by hand; CI runs the pom's default.
 */
class SoakIT {
    private static final Pattern USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    @TempDir
    Path dir;

    @Test
    void steadyChanges_rssAndHeapAfterGcStayFlat() throws Exception {
        int seconds = Integer.getInteger("onair.soak.seconds", 45);
        List<String> flags = new ArrayList<>(NodeProcess.PI_FLAGS);
        flags.add("-XX:MaxRAM=1g");
        BrokerHome home = BrokerHome.create(dir);
        try (PiSide pi = PiSide.start(home, false, flags);
                Changes load = Changes.connect(home, 10)) {
            long start = System.currentTimeMillis();
            long warm = start + seconds * 1000L / 3;
            long end = start + seconds * 1000L;
            double[] rssWarm = null;
            double[] heapWarm = null;
            while (System.currentTimeMillis() < end) {
                load.make(50, 10); // about 50 changes a second with the pause below
                Thread.sleep(1_000);
                if (rssWarm == null && System.currentTimeMillis() >= warm) {
                    heapWarm = heapAfterFullGc(pi);
                    rssWarm = pi.rssMiB();
                }
            }
            load.finish();
            pi.awaitDisplayShows(load.people(), Changes.LAST_STATUS, 30_000);
            double[] heapEnd = heapAfterFullGc(pi);
            double[] rssEnd = pi.rssMiB();
            String[] names = {"broker", "display", "bridge"};
            for (int i = 0; i < 3; i++) {
                System.out.printf(
                        "soak %d s, %s: RSS %.1f -> %.1f MiB, heap after full GC %.1f -> %.1f MiB%n",
                        seconds, names[i], rssWarm[i], rssEnd[i], heapWarm[i], heapEnd[i]);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(pi.nodes().get(i).isAlive()).as(names[i] + " alive").isTrue();
                assertThat(heapEnd[i]).as(names[i] + " heap after GC").isLessThanOrEqualTo(heapWarm[i] * 1.2 + 2);
                assertThat(rssEnd[i]).as(names[i] + " RSS").isLessThanOrEqualTo(rssWarm[i] * 1.15 + 8);
            }
        }
    }

    /** Runs a full GC in each node ({@code jcmd GC.run}) and returns the heap then used, in MiB. */
    private static double[] heapAfterFullGc(PiSide pi) throws Exception {
        double[] heap = new double[3];
        for (int i = 0; i < 3; i++) {
            long pid = pi.nodes().get(i).pid();
            jcmd(pid, "GC.run");
            Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
            long kib = 0;
            while (m.find()) {
                kib += Long.parseLong(m.group(1));
            }
            assertThat(kib).as("heap of " + pi.nodes().get(i)).isPositive();
            heap[i] = kib / 1024.0;
        }
        return heap;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
