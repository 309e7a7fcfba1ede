package dev.onair.broker;

import dev.onair.runtime.config.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@code onair ...} of the broker module in-process and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun run(String... args) {
        return runWith(Map.of(), args);
    }

    /** Runs with {@code env} as the environment (ONAIR_* variables). */
    public static synchronized CliRun runWith(Map<String, String> env, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Cli.run(new BrokerMain(), args, env);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
