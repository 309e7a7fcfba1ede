package dev.onair.broker;

import dev.onair.testsupport.CliCapture;
import java.util.Map;

/** Runs {@code onair ...} of the broker module in-process and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun run(String... args) {
        CliCapture c = CliCapture.run(new BrokerMain(), Map.of(), args);
        return new CliRun(c.exitCode(), c.out(), c.err());
    }
}
