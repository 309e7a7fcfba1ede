package dev.onair.publisher.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFolderTest {
    @TempDir
    Path dir;

    @Test
    void newestFirst_ordersByTheTimestampInTheName_notByModificationTime() throws IOException {
        Path older = touch("MSTeams_2026-07-26_09-00-00.12.log", "2026-07-27T00:00:00Z");
        Path newest = touch("MSTeams_2026-07-26_11-24-22.85.log", "2026-07-26T00:00:00Z");
        Path middle = touch("MSTeams_2026-07-26_11-24-22.5.log", "2026-07-26T00:00:00Z");

        assertThat(new LogFolder(dir).newestFirst()).containsExactly(newest, middle, older);
    }

    @Test
    void newestFirst_skipsSlimCoreLauncherAndUpdateLogs() throws IOException {
        Path log = touch("MSTeams_2026-07-26_09-00-00.12.log", "2026-07-26T00:00:00Z");
        touch("MSTeams_SlimCore_2026-07-26_12-00-00.00.log", "2026-07-26T00:00:00Z");
        touch("MSTeams_Launcher_2026-07-26_12-00-00.00.log", "2026-07-26T00:00:00Z");
        touch("MSTeams_Update_2026-07-26_12-00-00.00.log", "2026-07-26T00:00:00Z");
        touch("skype.log", "2026-07-26T00:00:00Z");

        assertThat(new LogFolder(dir).newestFirst()).containsExactly(log);
    }

    @Test
    void missingFolder_hasNoLogs() {
        assertThat(new LogFolder(dir.resolve("nope")).newestFirst()).isEmpty();
    }

    private Path touch(String name, String modified) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "x\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
        return file;
    }
}
