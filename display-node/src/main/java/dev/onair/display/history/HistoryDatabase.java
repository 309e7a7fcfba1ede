package dev.onair.display.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The history file: SQLite in WAL mode, its schema brought up to date by Flyway ({@code db/history/V*.sql}). One
 * instance is the single writer; {@link HistoryReader} reads the same file on connections of its own, which WAL lets
 * run beside the writer.
 *
 * <p>A transaction that returned is in the WAL file: a killed process ({@code kill -9}) loses nothing that was
 * committed. {@code synchronous=NORMAL} means a power cut may lose the last moments, never the file's consistency.
 */
public final class HistoryDatabase implements AutoCloseable {
    private final Connection connection;
    /** Each person's open row (to_ms IS NULL), so a change updates it by id instead of searching. */
    private final Map<String, Long> open = new HashMap<>();

    private HistoryDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Opens (or creates) the file and migrates its schema; rows a crash left open end at the last sign of life. */
    public static HistoryDatabase open(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        SQLiteDataSource source = dataSource(file, false);
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/history")
                .loggers("slf4j")
                .load()
                .migrate();
        Connection c = source.getConnection();
        HistoryDatabase db = new HistoryDatabase(c);
        try {
            db.closeDangling();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return db;
    }

    static SQLiteDataSource dataSource(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5_000);
        config.setReadOnly(readOnly);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    private void closeDangling() throws SQLException {
        Long alive = aliveMillis();
        if (alive == null) {
            return;
        }
        try (PreparedStatement s =
                connection.prepareStatement("UPDATE segment SET to_ms = MAX(from_ms, ?) WHERE to_ms IS NULL")) {
            s.setLong(1, alive);
            s.executeUpdate();
        }
    }

    /** Writes changes in one transaction, in order; on failure nothing of them is written. */
    public void record(List<Change> changes) throws SQLException {
        Map<String, Long> before = new HashMap<>(open);
        connection.setAutoCommit(false);
        try (PreparedStatement end =
                        connection.prepareStatement("UPDATE segment SET to_ms = MAX(from_ms, ?) WHERE id = ?");
                PreparedStatement add = connection.prepareStatement(
                        "INSERT INTO segment (person, status, activity, in_call, camera, source, from_ms)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            for (Change change : changes) {
                Long id = open.remove(change.person());
                if (id != null) {
                    end.setLong(1, change.at().toEpochMilli());
                    end.setLong(2, id);
                    end.executeUpdate();
                }
                if (change.state() != null) {
                    insert(add, change);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            open.clear();
            open.putAll(before);
            rollbackQuietly();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void insert(PreparedStatement add, Change change) throws SQLException {
        PersonState s = change.state();
        add.setString(1, change.person());
        add.setString(2, s.status());
        add.setString(3, s.activity());
        setBoolean(add, 4, s.inCall());
        setBoolean(add, 5, s.camera());
        add.setString(6, s.source());
        add.setLong(7, change.at().toEpochMilli());
        add.executeUpdate();
        try (ResultSet keys = add.getGeneratedKeys()) {
            keys.next();
            open.put(change.person(), keys.getLong(1));
        }
    }

    private static void setBoolean(PreparedStatement s, int i, Boolean b) throws SQLException {
        if (b == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, b ? 1 : 0);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is gone or the disk is full; the caller handles the first error.
        }
    }

    /** Ends every open row at {@code at} (a clean stop) and notes the time as the last sign of life. */
    public void endAll(Instant at) throws SQLException {
        List<Change> ends = new ArrayList<>();
        for (String person : open.keySet()) {
            ends.add(new Change(person, null, at));
        }
        record(ends);
        alive(at);
    }

    /** Notes that the node runs at {@code at}: a row a crash leaves open ends here on the next start. */
    public void alive(Instant at) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO meta (key, value) VALUES ('alive_ms', ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            s.setLong(1, at.toEpochMilli());
            s.executeUpdate();
        }
    }

    private Long aliveMillis() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT value FROM meta WHERE key = 'alive_ms'")) {
            return r.next() ? r.getLong(1) : null;
        }
    }

    /** Deletes the rows that ended before {@code before}; the space goes back to SQLite's free list, for new rows. */
    public int prune(Instant before) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("DELETE FROM segment WHERE to_ms IS NOT NULL AND to_ms < ?")) {
            s.setLong(1, before.toEpochMilli());
            return s.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
