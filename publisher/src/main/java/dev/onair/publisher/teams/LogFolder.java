package dev.onair.publisher.teams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * New Teams' log folder: files {@code MSTeams_<date>_<time>.log}, a new one at every Teams start and about every
 * 2 MB. The newest is the one with the latest timestamp in its name (the modification time of a file Teams holds
 * open is not always updated on Windows); {@code SlimCore}, {@code Launcher} and {@code Update} logs are not
 * presence logs.
 */
public final class LogFolder {
    private static final Pattern STAMP =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[_T ](\\d{2}-\\d{2}-\\d{2}(?:\\.\\d+)?)");

    private static final Comparator<Path> OLDEST_FIRST = Comparator.comparing(LogFolder::stamp)
            .thenComparing(LogFolder::modified)
            .thenComparing(p -> p.getFileName().toString());

    private final Path dir;

    public LogFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The presence logs, newest first; empty when the folder does not exist (yet). */
    public List<Path> newestFirst() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(LogFolder::isPresenceLog)
                    .sorted(OLDEST_FIRST.reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static boolean isPresenceLog(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("msteams_")
                && lower.endsWith(".log")
                && !lower.contains("slimcore")
                && !lower.contains("launcher")
                && !lower.contains("update")
                && Files.isRegularFile(file);
    }

    /** The timestamp in the name, sortable as text; names without one sort before every stamped name. */
    static String stamp(Path file) {
        Matcher m = STAMP.matcher(file.getFileName().toString());
        return m.find() ? m.group(1) + "_" + m.group(2) : "";
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
