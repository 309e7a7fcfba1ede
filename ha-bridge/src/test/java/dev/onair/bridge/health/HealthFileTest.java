package dev.onair.bridge.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthFileTest {
    @TempDir
    Path dir;

    @Test
    void fileExistsWhileHealthy_goesWhenNot_andWhenStopped() throws Exception {
        Path file = dir.resolve("healthy");
        Files.writeString(file, "left over from an earlier run\n");
        AtomicBoolean healthy = new AtomicBoolean(false);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        HealthFile health = new HealthFile(file, healthy::get, Duration.ofMillis(50), clock);

        health.start();
        try {
            assertThat(file).doesNotExist();

            healthy.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
            assertThat(file).hasContent("2026-12-01T10:00:00Z");

            healthy.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file));

            healthy.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        } finally {
            health.stop();
        }
        assertThat(file).doesNotExist();
    }
}
