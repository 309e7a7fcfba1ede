package dev.onair.bench;

import dev.onair.display.history.Change;
import dev.onair.display.history.DaySummary;
import dev.onair.display.history.HistoryDatabase;
import dev.onair.display.history.HistoryReader;
import dev.onair.display.history.HistorySettings;
import dev.onair.display.history.PersonState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code bench/run history [--days 365] [--changes 10000] [--people 10] [--runs 20] [--dir DIR]}: a year of presence
 * history at 10,000 changes a day (spread over the people), written through the display's own {@link
 * HistoryDatabase}, one transaction a day; then the file's size and the time of the two queries the dashboard makes:
 * one person's history of a day and one person's days of the whole year (what {@code /history} and {@code /days}
 * run).
 */
final class HistorySize {
    private static final PersonState[] STATES = {
        new PersonState("available", "available", false, false, "teams-log"),
        new PersonState("busy", "in_a_call", true, true, "teams-log"),
        new PersonState("busy", "in_a_meeting", true, false, "teams-log"),
        new PersonState("away", "away", false, false, "teams-log"),
        new PersonState("do_not_disturb", "presenting", true, true, "teams-log"),
        new PersonState("offline", "offline", false, null, "availability"),
    };

    private HistorySize() {}

    static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int days = args.integer("days", 365);
        int changes = args.integer("changes", 10_000);
        int people = args.integer("people", 10);
        int runs = args.integer("runs", 20);
        Path dir = Path.of(args.string(
                "dir", Files.createTempDirectory("onair-history-bench").toString()));
        Path file = dir.resolve(HistorySettings.FILE_NAME);
        Files.deleteIfExists(file);
        ZoneId zone = ZoneOffset.UTC;
        LocalDate first = LocalDate.of(2025, 1, 1);
        Random random = new Random(15);

        long writeStart = System.nanoTime();
        try (HistoryDatabase db = HistoryDatabase.open(file)) {
            for (int d = 0; d < days; d++) {
                Instant dayStart = first.plusDays(d).atStartOfDay(zone).toInstant();
                List<Change> batch = new ArrayList<>(changes);
                for (int i = 0; i < changes; i++) {
                    // Evenly through the day, people in turn, each change a state other than the person's last.
                    Instant at = dayStart.plusMillis(86_400_000L * i / changes);
                    batch.add(new Change(
                            "p" + (i % people), STATES[(i / people + random.nextInt(5) + 1) % STATES.length], at));
                }
                db.record(batch);
            }
            db.alive(first.plusDays(days).atStartOfDay(zone).toInstant());
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long rows = (long) days * changes;

        HistoryReader reader = new HistoryReader(file);
        LocalDate last = first.plusDays(days - 1L);
        Instant lastStart = last.atStartOfDay(zone).toInstant();
        Instant now = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<Double> dayMs = new ArrayList<>();
        List<Double> yearMs = new ArrayList<>();
        int segmentsOfDay = 0;
        int daysOfYear = 0;
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            segmentsOfDay = reader.segments("p0", lastStart, now).size();
            dayMs.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            Instant yearStart = first.atStartOfDay(zone).toInstant();
            daysOfYear = DaySummary.of(reader.segments("p0", yearStart, now), first, last, zone, now)
                    .size();
            yearMs.add((System.nanoTime() - t) / 1e6);
        }
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.filter(p -> p.getFileName().toString().startsWith(HistorySettings.FILE_NAME))
                    .mapToLong(HistorySize::size)
                    .sum();
        }

        // Pruning one day's rows, as the writer does every 6 hours once the oldest day falls out of retention.
        long pruneStart = System.nanoTime();
        int pruned;
        try (HistoryDatabase db = HistoryDatabase.open(file)) {
            pruned = db.prune(first.plusDays(1).atStartOfDay(zone).toInstant());
        }
        double pruneMs = (System.nanoTime() - pruneStart) / 1e6;

        Stats day = Stats.of(dayMs);
        Stats year = Stats.of(yearMs);
        System.out.printf("history: %d days x %d changes/day over %d people = %,d rows%n", days, changes, people, rows);
        System.out.printf("  write: %.1f s (%,.0f rows/s, one transaction a day)%n", writeSeconds, rows / writeSeconds);
        System.out.printf("  file: %,.1f MiB (%.0f bytes/row)%n", bytes / 1048576.0, (double) bytes / rows);
        System.out.printf(
                "  history of a day (1 person, %d segments): p50 %.1f ms, max %.1f ms (%d runs)%n",
                segmentsOfDay, day.p50(), day.max(), runs);
        System.out.printf(
                "  days of a year (1 person, %d days, %,d segments read): p50 %.0f ms, max %.0f ms (%d runs)%n",
                daysOfYear, rows / people, year.p50(), year.max(), runs);
        System.out.printf("  prune of the oldest day (%,d rows): %.0f ms%n", pruned, pruneMs);
        Files.walk(dir).sorted(Comparator.reverseOrder()).forEach(HistorySize::delete);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // a temporary folder; leave what will not go
        }
    }
}
