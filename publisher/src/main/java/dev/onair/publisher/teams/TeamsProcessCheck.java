package dev.onair.publisher.teams;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the Teams client runs. The real check reads the process table through {@link ProcessHandle}; tests inject
 * their own answer.
 */
@FunctionalInterface
public interface TeamsProcessCheck {
    /** Executable names of the new and the classic client on Windows and macOS, lower case, without {@code .exe}. */
    Set<String> NAMES = Set.of("ms-teams", "msteams", "teams", "microsoft teams", "microsoft teams (work or school)");

    boolean teamsRunning();

    /** Looks for a Teams process with {@link ProcessHandle#allProcesses()}; no shelling out. */
    static TeamsProcessCheck processTable() {
        return () -> ProcessHandle.allProcesses()
                .map(p -> p.info().command())
                .flatMap(Optional::stream)
                .anyMatch(TeamsProcessCheck::isTeams);
    }

    static boolean isTeams(String command) {
        Path name = Path.of(command.replace('\\', '/')).getFileName();
        if (name == null) {
            return false;
        }
        String exe = name.toString().toLowerCase(Locale.ROOT).replaceFirst("\\.exe$", "");
        return NAMES.contains(exe);
    }
}
