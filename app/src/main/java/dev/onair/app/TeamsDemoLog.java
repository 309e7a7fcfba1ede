package dev.onair.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/** The demo's Teams log folder: a new-Teams log file that starts out Available, as Teams writes it. */
final class TeamsDemoLog {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private static final DateTimeFormatter LINE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private TeamsDemoLog() {}

    /** The newest {@code MSTeams_*.log} in {@code folder}, made (with an Available line) when there is none. */
    static Path ensure(Path folder, LocalDateTime now) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            Path newest = files.filter(p -> p.getFileName().toString().matches("MSTeams_.*\\.log"))
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
                    .orElse(null);
            if (newest != null) {
                return newest;
            }
        }
        Path log = folder.resolve("MSTeams_" + NAME.format(now) + ".00.log");
        Files.writeString(log, line(now, "Available"), StandardCharsets.UTF_8);
        return log;
    }

    /** A new Teams presence line, as {@code native_modules::UserDataCrossCloudModule} logs it. */
    static String line(LocalDateTime time, String availability) {
        OffsetDateTime t = time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        return LINE.format(t) + " 0x00000000 <INFO> native_modules::UserDataCrossCloudModule: Received Action: "
                + "UserPresenceAction: {cloud_context: https://teams.microsoft.com, availability: " + availability
                + "}\n";
    }
}
