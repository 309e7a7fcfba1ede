package dev.onair.publisher.teams;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where each Teams client writes its logs, per operating system (issue 3). */
public final class TeamsPaths {
    private TeamsPaths() {}

    /** Whether this OS has a Teams desktop client at all (Windows and macOS), so the process check makes sense. */
    public static boolean hasTeamsClient(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("windows") || os.startsWith("mac");
    }

    /** New Teams' log folder, or null where there is none (Linux). */
    public static Path newTeamsLogs(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.getOrDefault(
                    "LOCALAPPDATA", home.resolve("AppData/Local").toString());
            return Path.of(local, "Packages", "MSTeams_8wekyb3d8bbwe", "LocalCache", "Microsoft", "MSTeams", "Logs");
        }
        if (os.startsWith("mac")) {
            return home.resolve(
                    "Library/Group Containers/UBF8T346G9.com.microsoft.teams/Library/Application Support/Logs");
        }
        return null;
    }

    /** Classic Teams' {@code logs.txt}, or null where there is none (Linux). */
    public static Path classicTeamsLog(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String roaming =
                    env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString());
            return Path.of(roaming, "Microsoft", "Teams", "logs.txt");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library/Application Support/Microsoft/Teams/logs.txt");
        }
        return null;
    }
}
