package dev.onair.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A new-Teams log folder with one log file that presence lines are appended to, as Teams writes them. */
public final class TeamsLog {
    private static final String LINE = "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> "
            + "native_modules::UserDataCrossCloudModule: Received Action: UserPresenceAction: "
            + "{cloud_context: https://teams.microsoft.com, availability: %s}\n";

    /** Teams' availability words, in the order the benchmarks cycle through them. */
    public static final String[] AVAILABILITIES = {"Available", "Busy", "DoNotDisturb", "BeRightBack", "Away"};

    /** The contract status each of {@link #AVAILABILITIES} becomes. */
    public static final String[] STATUSES = {"available", "busy", "do_not_disturb", "be_right_back", "away"};

    private final Path folder;
    private final Path file;

    private TeamsLog(Path folder, Path file) {
        this.folder = folder;
        this.file = file;
    }

    /** Creates {@code folder} with a log whose last presence is {@code first}. */
    public static TeamsLog create(Path folder, String first) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("MSTeams_2026-07-26_11-00-00.00.log");
        Files.writeString(file, line(first), StandardCharsets.UTF_8);
        return new TeamsLog(folder, file);
    }

    public Path folder() {
        return folder;
    }

    /** Appends one presence line ({@code availability} as Teams spells it, e.g. {@code DoNotDisturb}). */
    public void append(String availability) throws IOException {
        Files.writeString(file, line(availability), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static String line(String availability) {
        return String.format(LINE, availability);
    }
}
