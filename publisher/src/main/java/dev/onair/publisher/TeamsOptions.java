package dev.onair.publisher;

import dev.onair.publisher.PublisherConfig.TeamsSettings;
import dev.onair.publisher.teams.TeamsAccount;
import dev.onair.publisher.teams.TeamsClient;
import dev.onair.publisher.teams.TeamsPaths;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@link PublisherCommand}'s {@code --teams-*} options: which Teams client's logs to follow, and how. */
final class TeamsOptions {
    @Option(
            names = "--teams-client",
            paramLabel = "new|classic",
            description = "Which Teams client's logs to read (default: ${DEFAULT-VALUE}).")
    String teamsClient = "new";

    @Option(
            names = "--teams-logs",
            paramLabel = "DIR",
            description = "New Teams' log folder (default: the Teams folder of this OS).")
    Path teamsLogs;

    @Option(
            names = "--teams-classic-log",
            paramLabel = "FILE",
            description = "Classic Teams' logs.txt; giving it selects classic Teams (default: this OS's).")
    Path teamsClassicLog;

    @Option(
            names = "--teams-account",
            paramLabel = "ACCOUNT",
            description = "With several accounts signed in to Teams, the one to follow: work, personal, a user id or"
                    + " a cloud such as gov.teams.microsoft.us (default: ${DEFAULT-VALUE}).")
    String teamsAccount = "work";

    @Option(
            names = "--teams-process-check",
            paramLabel = "on|off",
            description = "Offline while no Teams process runs (default: on for Windows and macOS, off elsewhere).")
    String teamsProcessCheck;

    @Option(
            names = "--teams-poll-interval",
            paramLabel = "DURATION",
            description = "Slow poll of the log behind file-change notification (default: ${DEFAULT-VALUE}).")
    String teamsPollInterval = Durations.format(TeamsSettings.DEFAULT_POLL);

    /** The Teams settings these options give, with this OS's log place by default; null after an error. */
    TeamsSettings settings(ConfigErrors errors, String osName, Map<String, String> env, Path home) {
        String client = teamsClient.toLowerCase(Locale.ROOT);
        if (!client.equals("new") && !client.equals("classic")) {
            errors.add("--teams-client: '" + teamsClient + "' is not new or classic");
            return null;
        }
        boolean classic = client.equals("classic") || teamsClassicLog != null;
        Path location = classic
                ? (teamsClassicLog != null ? teamsClassicLog : TeamsPaths.classicTeamsLog(osName, env, home))
                : (teamsLogs != null ? teamsLogs : TeamsPaths.newTeamsLogs(osName, env, home));
        boolean check = TeamsPaths.hasTeamsClient(osName);
        if (teamsProcessCheck != null) {
            switch (teamsProcessCheck.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes" -> check = true;
                case "off", "false", "no" -> check = false;
                default -> errors.add("--teams-process-check: '" + teamsProcessCheck + "' is not on or off");
            }
        }
        Duration interval = errors.duration("--teams-poll-interval", teamsPollInterval);
        boolean processCheck = check;
        TeamsAccount account = errors.check("--teams-account", () -> new TeamsAccount(teamsAccount));
        if (interval == null || account == null) {
            return null;
        }
        return errors.check(
                classic ? "--teams-classic-log" : "--teams-logs",
                () -> new TeamsSettings(
                        classic ? TeamsClient.CLASSIC : TeamsClient.NEW, location, processCheck, interval, account));
    }
}
