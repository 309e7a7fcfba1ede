package dev.onair.display.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWriterTest {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final PersonState AVAILABLE = new PersonState("available", "available", false, null, "teams-log");
    static final PersonState CALL = new PersonState("busy", "in_a_call", true, true, "teams-log");

    @TempDir
    Path data;

    final TestClock clock = new TestClock(T0, ZoneOffset.UTC);
    HistoryWriter writer;

    HistorySettings settings() {
        return new HistorySettings(data, 400, ZoneOffset.UTC, Duration.ofMillis(100));
    }

    HistoryReader reader() {
        return new HistoryReader(settings().file());
    }

    List<Segment> alice() throws Exception {
        return reader().segments("alice", T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)));
    }

    @AfterEach
    void stop() {
        if (writer != null) {
            writer.stop();
        }
    }

    @Test
    void changes_becomeRows_andARepeatedStateAddsNone() throws Exception {
        writer = new HistoryWriter(settings(), clock);
        writer.start();

        writer.observe(new Change("alice", AVAILABLE, T0));
        writer.observe(new Change("alice", AVAILABLE, T0.plusSeconds(60))); // a retained message again
        writer.observe(new Change("alice", CALL, T0.plusSeconds(600)));

        await().atMost(Duration.ofSeconds(20)).until(() -> alice().size() == 2);
        assertThat(alice())
                .containsExactly(
                        new Segment("alice", AVAILABLE, T0, T0.plusSeconds(600)),
                        new Segment("alice", CALL, T0.plusSeconds(600), null));
    }

    @Test
    void stop_endsTheOpenRows_atTheStopTime() throws Exception {
        writer = new HistoryWriter(settings(), clock);
        writer.start();
        writer.observe(new Change("alice", CALL, T0));
        await().atMost(Duration.ofSeconds(20)).until(() -> alice().size() == 1);

        clock.set(T0.plusSeconds(90));
        writer.stop();
        writer = null;

        assertThat(alice()).containsExactly(new Segment("alice", CALL, T0, T0.plusSeconds(90)));
    }

    @Test
    void aClearedPresence_endsTheRow_andOldRowsArePrunedAfterTheRetention() throws Exception {
        writer = new HistoryWriter(settings(), clock);
        writer.start();
        writer.observe(new Change("alice", AVAILABLE, T0.minus(Duration.ofDays(402))));
        writer.observe(new Change("alice", null, T0.minus(Duration.ofDays(401))));
        writer.observe(new Change("alice", CALL, T0));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reader().segments("alice", T0.minus(Duration.ofDays(500)), T0.plusSeconds(1))
                                .size()
                        == 2);
        writer.stop();

        // Pruning runs at start: the row that ended 401 days ago goes, today's stays.
        writer = new HistoryWriter(settings(), clock);
        writer.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reader().segments("alice", T0.minus(Duration.ofDays(500)), T0.plusSeconds(1))
                                .size()
                        == 1);
    }

    @Test
    void aDamagedFile_isMovedAsideWithOneLine_andANewOneTakesTheChanges() throws Exception {
        Files.createDirectories(data);
        Files.write(
                settings().file(),
                "this is no SQLite database, it is garbage\n".repeat(200).getBytes(StandardCharsets.UTF_8));

        try (Logs logs = new Logs(HistoryWriter.class)) {
            writer = new HistoryWriter(settings(), clock);
            writer.start();
            writer.observe(new Change("alice", CALL, T0));

            await().atMost(Duration.ofSeconds(20)).until(() -> alice().size() == 1);
            assertThat(logs.count("is damaged")).isEqualTo(1);
            assertThat(writer.paused()).isFalse();
        }
        try (Stream<Path> files = Files.list(data)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString().contains(".damaged-"))
                    .toList();
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.get(0))).startsWith("this is no SQLite database");
        }
    }

    @Test
    void aFileDamagedWhileRunning_isMovedAside_andHistoryGoesOnInANewOne() throws Exception {
        writer = new HistoryWriter(settings(), clock);
        writer.start();
        writer.observe(new Change("alice", AVAILABLE, T0));
        await().atMost(Duration.ofSeconds(20)).until(() -> alice().size() == 1);
        writer.stop();
        writer = null;
        // Garbage over the whole file, header included, while no one has it open.
        byte[] junk = new byte[(int) Files.size(settings().file())];
        java.util.Arrays.fill(junk, (byte) 0x5a);
        Files.write(settings().file(), junk);

        try (Logs logs = new Logs(HistoryWriter.class)) {
            writer = new HistoryWriter(settings(), clock);
            writer.start();
            writer.observe(new Change("alice", CALL, T0.plusSeconds(60)));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> alice().equals(List.of(new Segment("alice", CALL, T0.plusSeconds(60), null))));
            assertThat(logs.count("is damaged")).isEqualTo(1);
        }
    }
}
