package dev.onair.publisher.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether the OS notifies of changes decides how slowly {@link TeamsLogSource} polls (issue 14): only a registered
 * folder on a native watch service (inotify here, on Linux) counts.
 */
class FolderWatchTest {
    @TempDir
    Path dir;

    @Test
    void aWatchedFolder_isNotified_andAChangeWakesTheReader() throws Exception {
        AtomicInteger wakes = new AtomicInteger();
        FolderWatch watch = new FolderWatch(dir, wakes::incrementAndGet);
        watch.start();
        try {
            assertThat(watch.notifying()).isTrue();

            Files.writeString(dir.resolve("MSTeams_2026-12-02_01-00-00.00.log"), "a line\n");

            await().until(() -> wakes.get() > 0);
        } finally {
            watch.stop();
        }
    }

    @Test
    void aFolderNotThereYet_isNotNotified_untilItIsRegistered() throws Exception {
        Path later = dir.resolve("Logs");
        FolderWatch watch = new FolderWatch(later, () -> {});
        watch.start();
        try {
            assertThat(watch.notifying()).isFalse();

            Files.createDirectories(later);
            watch.ensureRegistered();

            assertThat(watch.notifying()).isTrue();
        } finally {
            watch.stop();
        }
    }

    @Test
    void aStoppedWatch_isNotNotified() throws Exception {
        FolderWatch watch = new FolderWatch(dir, () -> {});
        watch.start();
        watch.stop();

        assertThat(watch.notifying()).isFalse();
    }
}
