package dev.onair.display.history;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where and how long the display keeps its presence history.
 *
 * @param dataDir the display's data folder (the database is {@link #FILE_NAME} in it), or null for no history
 * @param retentionDays how many days of rows are kept; older ones are pruned
 * @param zone the zone whose local dates the day totals and "today" use
 * @param tick how often the writer notes that the node is alive and, while paused, tries again
 */
public record HistorySettings(Path dataDir, int retentionDays, ZoneId zone, Duration tick) {
    public static final String FILE_NAME = "onair-history.db";
    public static final int DEFAULT_RETENTION_DAYS = 400;
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(30);

    public HistorySettings {
        Objects.requireNonNull(zone, "zone");
        if (retentionDays < 1) {
            throw new IllegalArgumentException("history days " + retentionDays + " must be at least 1");
        }
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("history tick " + tick + " must be positive");
        }
    }

    /** History in {@code dataDir}, 400 days, the system's zone. */
    public static HistorySettings in(Path dataDir) {
        return new HistorySettings(dataDir, DEFAULT_RETENTION_DAYS, ZoneId.systemDefault(), DEFAULT_TICK);
    }

    /** No history: for displays started in-process (tests, {@code ./onair demo}) that keep no data folder. */
    public static HistorySettings off() {
        return new HistorySettings(null, DEFAULT_RETENTION_DAYS, ZoneId.systemDefault(), DEFAULT_TICK);
    }

    public boolean enabled() {
        return dataDir != null;
    }

    public Path file() {
        return dataDir == null ? null : dataDir.resolve(FILE_NAME);
    }

    public HistorySettings withZone(ZoneId newZone) {
        return new HistorySettings(dataDir, retentionDays, newZone, tick);
    }

    public HistorySettings withTick(Duration newTick) {
        return new HistorySettings(dataDir, retentionDays, zone, newTick);
    }
}
