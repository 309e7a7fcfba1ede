package dev.onair.display.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a real JVM in the middle of writing: every committed change is still there, the file is whole. */
class HistoryCrashIT {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path data;

    @Test
    void killedWhileWriting_keepsEveryCommittedChange_andEndsTheOpenRowAtTheLastSignOfLife() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HistoryChild.class.getName(),
                        data.toString(),
                        T0.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int committed = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed = Integer.parseInt(line.substring("committed ".length()));
                    if (committed >= 200) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).isEqualTo(200);
        Path file = data.resolve(HistorySettings.FILE_NAME);

        try (Connection c = HistoryDatabase.dataSource(file, false).getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("ok");
        }
        // A new start ends the row the kill left open; every committed change is a row.
        HistoryWriter writer = new HistoryWriter(
                new HistorySettings(data, 400, ZoneOffset.UTC, Duration.ofSeconds(30)), Clock.systemUTC());
        writer.start();
        writer.stop();
        List<Segment> rows = new HistoryReader(file).segments("alice", T0, T0.plus(Duration.ofDays(1)));
        assertThat(rows.size()).isGreaterThanOrEqualTo(committed + 1);
        for (int i = 0; i <= committed; i++) {
            assertThat(rows.get(i).from()).isEqualTo(T0.plusSeconds(60L * i));
        }
        assertThat(rows).allSatisfy(seg -> assertThat(seg.to()).isNotNull());
    }
}
