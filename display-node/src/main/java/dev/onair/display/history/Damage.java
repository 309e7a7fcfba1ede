package dev.onair.display.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Moves a damaged history file (and its WAL and shared-memory files) aside, kept for whoever wants to look. */
final class Damage {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Damage() {}

    /** Renames {@code file} to {@code file.damaged-<UTC time>}; returns the new name. */
    static Path moveAside(Path file, Instant now) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + STAMP.format(now));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            // A WAL that belongs to the damaged file must not be replayed into the new one.
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(
                            side,
                            aside.resolveSibling(aside.getFileName() + suffix),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the damaged " + file + " aside", e);
        }
        return aside;
    }
}
