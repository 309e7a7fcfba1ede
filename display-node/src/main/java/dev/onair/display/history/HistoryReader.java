package dev.onair.display.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one person's segments from the history file, on a read-only connection of its own (WAL lets readers run
 * beside the writer, so a slow query never holds up the next change).
 */
public final class HistoryReader {
    private static final String COLUMNS = "person, status, activity, in_call, camera, source, from_ms, to_ms";

    private final Path file;

    public HistoryReader(Path file) {
        this.file = file;
    }

    /**
     * The person's segments that overlap {@code [from, to)}, oldest first, unclipped.
     *
     * <p>A person's rows follow one another without overlapping, so of those that began before {@code from} only the
     * last can reach into the range: two index range scans instead of a walk over the person's whole past.
     */
    public List<Segment> segments(String person, Instant from, Instant to) throws SQLException {
        List<Segment> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (Connection c = HistoryDatabase.dataSource(file, true).getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM segment WHERE person = ? AND from_ms < ? ORDER BY from_ms DESC LIMIT 1")) {
                s.setString(1, person);
                s.setLong(2, from.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        Segment first = segment(r);
                        if (first.to() == null || first.to().isAfter(from)) {
                            out.add(first);
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM segment WHERE person = ? AND from_ms >= ? AND from_ms < ? ORDER BY from_ms")) {
                s.setString(1, person);
                s.setLong(2, from.toEpochMilli());
                s.setLong(3, to.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(segment(r));
                    }
                }
            }
        }
        return out;
    }

    private static Segment segment(ResultSet r) throws SQLException {
        PersonState state = new PersonState(r.getString(2), r.getString(3), bool(r, 4), bool(r, 5), r.getString(6));
        long toMs = r.getLong(8);
        Instant to = r.wasNull() ? null : Instant.ofEpochMilli(toMs);
        return new Segment(r.getString(1), state, Instant.ofEpochMilli(r.getLong(7)), to);
    }

    private static Boolean bool(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v != 0;
    }
}
