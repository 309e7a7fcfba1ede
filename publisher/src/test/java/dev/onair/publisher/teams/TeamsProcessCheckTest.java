package dev.onair.publisher.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamsProcessCheckTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "C:\\Program Files\\WindowsApps\\MSTeams_24124.1412.2911.3341_x64__8wekyb3d8bbwe\\ms-teams.exe|true",
                "C:\\Users\\alice\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe|true",
                "/Applications/Microsoft Teams.app/Contents/MacOS/MSTeams|true",
                "/Applications/Microsoft Teams classic.app/Contents/MacOS/Microsoft Teams|true",
                "C:\\Windows\\System32\\svchost.exe|false",
                "/usr/bin/java|false",
                "/opt/teamspeak/ts3client|false"
            })
    void isTeams_knowsTheClientsExecutables(String command, boolean teams) {
        assertThat(TeamsProcessCheck.isTeams(command)).isEqualTo(teams);
    }
}
