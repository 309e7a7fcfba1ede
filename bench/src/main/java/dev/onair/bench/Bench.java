package dev.onair.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** {@code java -jar onair-bench-*-all.jar BENCHMARK [--option value ...]}: runs one benchmark of bench/README.md. */
public final class Bench {
    /** A benchmark's main method. */
    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Main> BENCHMARKS = new TreeMap<>(Map.ofEntries(
            bench("latency", StatusLatency::main),
            bench("memory", PiMemory::main),
            bench("startup", StartUp::main),
            bench("idle", PublisherIdle::main), // the name before issue 14
            bench("publisher-idle", PublisherIdle::main),
            bench("fanout", SseFanOut::main),
            bench("throughput", Throughput::main),
            bench("app-memory", AppMemory::main),
            bench("badlogins", BadLogins::main),
            bench("recovery", BrokerRecovery::main),
            bench("history", HistorySize::main)));

    private static Map.Entry<String, Main> bench(String name, Main main) {
        return Map.entry(name, main);
    }

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Main main = args.length == 0 ? null : BENCHMARKS.get(args[0]);
        if (main == null) {
            System.err.println("usage: bench/run " + String.join("|", BENCHMARKS.keySet()) + " [--option value ...]");
            System.exit(2);
        }
        int status = 0;
        try {
            main.run(Arrays.copyOfRange(args, 1, args.length));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // In-process nodes leave non-daemon threads (Netty, Jetty) behind; the table is printed, so end here.
        System.exit(status);
    }
}
