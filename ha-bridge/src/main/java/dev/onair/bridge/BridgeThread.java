package dev.onair.bridge;

import dev.onair.runtime.lifecycle.Component;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread all of the bridge's state lives on: MQTT callbacks only hand their message over, so nothing needs a
 * lock and a slow part (ntfy) cannot hold up the others. A task that throws is logged and the thread goes on.
 */
final class BridgeThread implements Component {
    private static final Logger log = LoggerFactory.getLogger(BridgeThread.class);

    private ScheduledExecutorService executor;

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-bridge");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public String name() {
        return "bridge thread";
    }

    void run(Runnable task) {
        try {
            executor.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("Bridge stopping; task dropped");
        }
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(() -> guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void every(Duration period, Runnable task) {
        long ms = period.toMillis();
        executor.scheduleWithFixedDelay(() -> guarded(task), ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Completes {@code settled} {@code window} after every subscription is granted: the broker sends a filter's
     * retained messages right after granting it, and the window lets them all arrive.
     */
    void settleAfter(List<CompletableFuture<Void>> subscriptions, Duration window, CompletableFuture<Void> settled) {
        CompletableFuture.allOf(subscriptions.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("A subscription failed: {}", error.toString());
            }
            schedule(() -> settled.complete(null), window);
        });
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Bridge task failed", e);
        }
    }
}
