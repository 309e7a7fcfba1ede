package dev.onair.bench;

import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.users.Role;
import dev.onair.publisher.PublisherConfig;
import dev.onair.publisher.PublisherNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovery after {@code kill -9} of the broker (issue 7's "back within 5 s", a figure here since BrokerKillIT asserts
 * only that they come back): a broker process (its shaded jar, the shipped flags) and {@code --publishers} in-process
 * publishers following their Teams logs; the broker is killed and restarted on the same port and data folder. Per run:
 * milliseconds from the kill until the restarted broker accepts TCP, and from then until every publisher has
 * connected again (the broker's "Connected: client ..." lines).
 */
public final class BrokerRecovery {
    private static final Pattern CONNECTED = Pattern.compile("Connected: client (\\S+) ");

    private BrokerRecovery() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int people = args.integer("publishers", 20);
        int runs = args.integer("runs", 3);
        Stats.Table table = new Stats.Table(
                "Broker kill -9 and restart, " + people + " publishers (ms)",
                "run",
                "kill to broker accepting",
                "accepting to every publisher connected",
                "kill to every publisher connected");
        List<Double> accepting = new ArrayList<>();
        List<Double> back = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double[] run = once(people);
            accepting.add(run[0]);
            back.add(run[1]);
            total.add(run[0] + run[1]);
            table.row(r + 1, run[0], run[1], run[0] + run[1]);
        }
        table.row("median", Stats.median(accepting), Stats.median(back), Stats.median(total));
        table.print();
        System.out.println("OnAir broker from: " + NodeProcess.origin(Kind.BROKER, true));
    }

    /** One kill and restart: {ms from kill to accepting, ms from accepting to every publisher connected}. */
    static double[] once(int people) throws Exception {
        Path dir = Files.createTempDirectory("onair-bench-recovery-");
        BrokerHome home = BrokerHome.create(dir.resolve("broker"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            home.addUser(person(i), Role.PUBLISHER);
            ids.add("onair-publisher-" + person(i));
        }
        List<PublisherNode> publishers = new ArrayList<>();
        NodeProcess broker = start(home, dir.resolve("broker-1.out"));
        try {
            for (int i = 0; i < people; i++) {
                TeamsLog log = TeamsLog.create(dir.resolve("teams-" + person(i)), "Available");
                PublisherNode node =
                        new PublisherNode(PublisherConfig.teamsLogs(person(i), home.settings(person(i)), log.folder()));
                node.start();
                publishers.add(node);
            }
            awaitConnected(broker, ids);
            broker.kill();
            long killed = System.nanoTime();
            broker = start(home, dir.resolve("broker-2.out"));
            long up = System.nanoTime();
            awaitConnected(broker, ids);
            long all = System.nanoTime();
            return new double[] {(up - killed) / 1e6, (all - up) / 1e6};
        } finally {
            publishers.forEach(PublisherNode::stop);
            broker.close();
        }
    }

    private static NodeProcess start(BrokerHome home, Path output) throws Exception {
        NodeProcess b = NodeProcess.start(Kind.BROKER, true, NodeProcess.PI_FLAGS, home.brokerArgs(), output);
        // Polls every 5 ms, so the figure is when the port opened; generous, as a busy machine starts JVMs slowly.
        b.awaitPort(home.tlsPort(), 300_000);
        return b;
    }

    private static void awaitConnected(NodeProcess broker, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!connectedClients(broker.output()).containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every publisher connected within 120 s");
            }
            Thread.sleep(5);
        }
    }

    /** The client ids the broker logged as connected ({@code ConnectionLog}, at INFO). */
    static Set<String> connectedClients(String brokerOutput) {
        Set<String> ids = new HashSet<>();
        Matcher m = CONNECTED.matcher(brokerOutput);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String person(int i) {
        return String.format("p%02d", i);
    }
}
