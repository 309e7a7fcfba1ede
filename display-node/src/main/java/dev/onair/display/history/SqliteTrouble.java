package dev.onair.display.history;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What went wrong with the database file, from an exception that Flyway or JDBC threw. */
enum SqliteTrouble {
    /** The file is not a database, or its pages do not add up: move it aside and start again. */
    DAMAGED,
    /** No room left on the disk: pause until there is. */
    FULL,
    /** Anything else (a bug, a locked file): log it and go on. */
    OTHER;

    static SqliteTrouble of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                // Extended codes (SQLITE_IOERR_WRITE, SQLITE_CORRUPT_VTAB...) carry the primary code in the low byte.
                int primary = code.code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                    return DAMAGED;
                }
                if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                    return FULL;
                }
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("database or disk is full")) {
                return FULL;
            }
            if (m.contains("file is not a database") || m.contains("database disk image is malformed")) {
                return DAMAGED;
            }
        }
        return OTHER;
    }

    /** The driver's own words for it, on one line (Flyway wraps them in a framed block of its own). */
    static String message(Throwable e) {
        Throwable chosen = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException) {
                chosen = t;
            }
        }
        return String.valueOf(chosen.getMessage()).replaceAll("\\s+", " ").strip();
    }
}
