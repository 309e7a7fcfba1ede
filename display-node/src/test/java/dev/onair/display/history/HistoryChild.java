package dev.onair.display.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The child JVM of {@link HistoryCrashIT}: writes changes through the real writer and prints each one once it is
 * readable from the file (committed), until it is killed.
 */
public final class HistoryChild {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Instant t0 = Instant.parse(args[1]);
        HistorySettings settings = new HistorySettings(data, 400, ZoneOffset.UTC, Duration.ofMillis(200));
        HistoryWriter writer = new HistoryWriter(settings, Clock.systemUTC());
        writer.start();
        HistoryReader reader = new HistoryReader(settings.file());
        for (int i = 0; ; i++) {
            Instant at = t0.plusSeconds(60L * i);
            boolean call = i % 2 == 1;
            writer.observe(new Change(
                    "alice",
                    new PersonState(call ? "busy" : "available", call ? "in_a_call" : "available", call, null, "t"),
                    at));
            while (reader.segments("alice", at, at.plusSeconds(1)).stream()
                    .noneMatch(s -> s.from().equals(at))) {
                Thread.onSpinWait();
            }
            System.out.println("committed " + i);
            System.out.flush();
        }
    }
}
