package dev.onair.publisher.teams;

import static dev.onair.publisher.teams.TeamsLogStateTestLines.BADGE_BUSY;
import static dev.onair.publisher.teams.TeamsLogStateTestLines.CALL_ACTIVE;
import static dev.onair.publisher.teams.TeamsLogStateTestLines.CALL_ENDED;
import static dev.onair.publisher.teams.TeamsLogStateTestLines.NOISE;
import static dev.onair.publisher.teams.TeamsLogStateTestLines.PRESENCE_AVAILABLE;
import static dev.onair.publisher.teams.TeamsLogStateTestLines.PRESENCE_AWAY;
import static dev.onair.publisher.teams.TeamsLogStateTestLines.PRESENCE_BUSY;
import static dev.onair.publisher.teams.TeamsLogStateTestLines.PRESENCE_DND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.presence.Detection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Teams source on real files in a temp folder; the process check is injected. */
class TeamsLogSourceTest {
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final List<Detection> detections = new CopyOnWriteArrayList<>();
    private TeamsLogSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.stop();
        }
        executor.shutdownNow();
    }

    @Test
    void startUp_readsTheNewestFile() throws Exception {
        write("MSTeams_2026-07-26_09-00-00.00.log", PRESENCE_AWAY);
        write("MSTeams_2026-07-26_11-00-00.00.log", PRESENCE_AVAILABLE, PRESENCE_BUSY, NOISE);

        start(null);

        assertThat(last()).isEqualTo(new Detection(Status.BUSY, Activity.BUSY, "teams-log", null, false));
    }

    @Test
    void startUp_newestFileWithoutPresence_scansBackThroughOlderFiles() throws Exception {
        write("MSTeams_2026-07-26_08-00-00.00.log", PRESENCE_AVAILABLE);
        write("MSTeams_2026-07-26_09-00-00.00.log", PRESENCE_BUSY, PRESENCE_DND, NOISE);
        write("MSTeams_2026-07-26_10-00-00.00.log", NOISE);
        write("MSTeams_2026-07-26_11-00-00.00.log", NOISE, NOISE);

        start(null);

        assertThat(last().status()).isEqualTo(Status.DO_NOT_DISTURB);
    }

    @Test
    void startUp_noLogsAtAll_isUnknown_untilTheFolderAppears() throws Exception {
        Path missing = dir.resolve("Logs");
        source = new TeamsLogSource(TeamsClient.NEW, missing, null, NEVER, executor, detections::add);
        onThread(() -> {
            source.start();
            return null;
        });
        assertThat(last()).isEqualTo(Detection.unknown("teams-log"));

        Files.createDirectories(missing);
        Files.writeString(missing.resolve("MSTeams_2026-07-26_11-00-00.00.log"), PRESENCE_AWAY + "\n");
        poll();

        assertThat(last().status()).isEqualTo(Status.AWAY);
    }

    @Test
    void rotation_whileRunning_finishesTheOldFileThenFollowsTheNewOne() throws Exception {
        Path first = write("MSTeams_2026-07-26_09-00-00.00.log", PRESENCE_AVAILABLE);
        start(null);

        append(first, PRESENCE_BUSY); // written just before Teams rotated
        Path second = write("MSTeams_2026-07-26_09-30-00.00.log", NOISE);
        poll();
        assertThat(last().status()).isEqualTo(Status.BUSY);

        append(second, PRESENCE_AWAY);
        append(first, PRESENCE_DND); // the old file is done with: never read again
        poll();
        assertThat(last().status()).isEqualTo(Status.AWAY);
    }

    @Test
    void truncation_readsTheFileAgainFromTheStart() throws Exception {
        Path log = write("MSTeams_2026-07-26_09-00-00.00.log", PRESENCE_AVAILABLE, NOISE, NOISE);
        start(null);

        Files.writeString(log, PRESENCE_DND + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        poll();

        assertThat(last().status()).isEqualTo(Status.DO_NOT_DISTURB);
    }

    @Test
    void partialLine_countsOnlyOnceComplete() throws Exception {
        Path log = write("MSTeams_2026-07-26_09-00-00.00.log", PRESENCE_AVAILABLE);
        start(null);

        String line = PRESENCE_BUSY;
        Files.writeString(log, line.substring(0, 40), StandardOpenOption.APPEND);
        poll();
        assertThat(last().status()).isEqualTo(Status.AVAILABLE);

        Files.writeString(log, line.substring(40) + "\n", StandardOpenOption.APPEND);
        poll();
        assertThat(last().status()).isEqualTo(Status.BUSY);
    }

    @Test
    void call_makesABusyPersonInACall() throws Exception {
        Path log = write("MSTeams_2026-07-26_09-00-00.00.log", PRESENCE_AVAILABLE, CALL_ACTIVE, BADGE_BUSY);
        start(null);
        assertThat(last()).isEqualTo(new Detection(Status.BUSY, Activity.IN_A_CALL, "teams-log", null, true));

        append(log, CALL_ENDED, PRESENCE_AVAILABLE);
        poll();
        assertThat(last()).isEqualTo(new Detection(Status.AVAILABLE, Activity.AVAILABLE, "teams-log", null, false));
    }

    @Test
    void teamsProcessAbsent_isOffline_andTheLogsDecideWhenItRunsAgain() throws Exception {
        write("MSTeams_2026-07-26_09-00-00.00.log", PRESENCE_BUSY, CALL_ACTIVE);
        AtomicBoolean running = new AtomicBoolean(false);
        start(running::get);

        assertThat(last()).isEqualTo(new Detection(Status.OFFLINE, Activity.OFFLINE, "teams-process", false, false));

        running.set(true);
        onThread(() -> {
            source.processTick();
            return null;
        });
        // The call Teams never logged the end of died with it.
        assertThat(last()).isEqualTo(new Detection(Status.BUSY, Activity.BUSY, "teams-log", true, false));
    }

    @Test
    void fileChangeNotification_wakesTheReader_withoutThePoll() throws Exception {
        Path log = write("MSTeams_2026-07-26_09-00-00.00.log", PRESENCE_AVAILABLE);
        start(null);

        append(log, PRESENCE_DND);

        await().atMost(Duration.ofSeconds(20)).until(() -> last().status() == Status.DO_NOT_DISTURB);
    }

    @Test
    void classicClient_followsLogsTxt() throws Exception {
        Path log = dir.resolve("logs.txt");
        Files.writeString(
                log, "x -- info -- StatusIndicatorStateService: Added Busy (current state: Available -> Busy)\n");
        source = new TeamsLogSource(TeamsClient.CLASSIC, log, null, NEVER, executor, detections::add);
        onThread(() -> {
            source.start();
            return null;
        });
        assertThat(last()).isEqualTo(new Detection(Status.BUSY, Activity.BUSY, "teams-classic-log", null, false));

        append(log, "x -- event -- name: desktop_call_state_change_send, isOngoing: true");
        poll();
        assertThat(last().activity()).isEqualTo(Activity.IN_A_CALL);
    }

    private void start(TeamsProcessCheck check) throws Exception {
        source = new TeamsLogSource(TeamsClient.NEW, dir, check, NEVER, executor, detections::add);
        onThread(() -> {
            source.start();
            return null;
        });
    }

    private void poll() throws Exception {
        onThread(() -> {
            source.poll();
            return null;
        });
    }

    private <T> T onThread(Callable<T> task) throws Exception {
        return executor.submit(task).get();
    }

    private Detection last() {
        assertThat(detections).isNotEmpty();
        return detections.get(detections.size() - 1);
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static void append(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
