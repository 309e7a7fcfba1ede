package dev.onair.publisher.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrayRetryTest {
    @Test
    void delays_doubleFromTheFirst_upToTheMax() {
        List<Long> seconds = new ArrayList<>();
        Duration d = PresenceTray.FIRST_RETRY;
        for (int i = 0; i < 8; i++) {
            seconds.add(d.toSeconds());
            d = TrayRetry.after(d, PresenceTray.MAX_RETRY);
        }
        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void triesAgain_untilAnAttemptWorks_thenStops() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger attempts = new AtomicInteger();
            TrayRetry retry = new TrayRetry(
                    scheduler, () -> attempts.incrementAndGet() == 4, Duration.ofMillis(1), Duration.ofMillis(4));

            retry.schedule();

            await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 4);
            // Nothing is pending once the 4th worked: a marker scheduled after it runs with the count unchanged.
            AtomicInteger seen = new AtomicInteger(-1);
            scheduler.schedule(() -> seen.set(attempts.get()), 50, java.util.concurrent.TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() >= 0);
            assertThat(seen.get()).isEqualTo(4);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void cancelled_triesNoMore() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger attempts = new AtomicInteger();
            TrayRetry retry = new TrayRetry(
                    scheduler,
                    () -> {
                        attempts.incrementAndGet();
                        return false;
                    },
                    Duration.ofMillis(1),
                    Duration.ofMillis(2));
            retry.schedule();
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 2);

            retry.cancel();
            int after = attempts.get();
            AtomicInteger seen = new AtomicInteger(-1);
            scheduler.schedule(() -> seen.set(attempts.get()), 50, java.util.concurrent.TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() >= 0);
            assertThat(seen.get()).isLessThanOrEqualTo(after + 1);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
