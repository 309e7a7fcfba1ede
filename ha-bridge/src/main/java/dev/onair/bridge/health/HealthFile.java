package dev.onair.bridge.health;

import dev.onair.runtime.lifecycle.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A heartbeat file for a node that serves nothing of its own (the bridge is only an MQTT client): rewritten every
 * {@code interval} while the node is healthy, removed as soon as it is not and when the node stops. {@code onair
 * healthcheck --health-file FILE} passes while the file is fresh, so a container's health check needs no port, no
 * credentials and no second MQTT session. A hung node stops rewriting it, which a check of its connection alone would
 * miss.
 */
public final class HealthFile implements Component {
    private static final Logger log = LoggerFactory.getLogger(HealthFile.class);

    private final Path file;
    private final BooleanSupplier healthy;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private boolean reportedUnhealthy;

    public HealthFile(Path file, BooleanSupplier healthy, Duration interval, Clock clock) {
        this.file = file.toAbsolutePath();
        this.healthy = healthy;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void start() throws IOException {
        Files.deleteIfExists(file);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-health-file");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot remove the health file {}: {}", file, e.toString());
        }
    }

    @Override
    public String name() {
        return "health-file";
    }

    private void beat() {
        try {
            if (healthy.getAsBoolean()) {
                // Written whole then renamed: a health check never reads half a file.
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, clock.instant() + "\n");
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                reportedUnhealthy = false;
            } else {
                Files.deleteIfExists(file);
                if (!reportedUnhealthy) {
                    log.info("Not healthy (no broker connection): removed {}", file);
                    reportedUnhealthy = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot update the health file {}: {}", file, e.toString());
        }
    }
}
