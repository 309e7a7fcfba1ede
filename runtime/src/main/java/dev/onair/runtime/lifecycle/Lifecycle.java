package dev.onair.runtime.lifecycle;

import dev.onair.runtime.config.StartupException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in order, stops them in reverse (on {@link #stop()}, on a failed start, or on SIGTERM/Ctrl-C
 * through a shutdown hook).
 */
public final class Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<Component> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread hook;

    /** Starts {@code component}; if it fails, everything started so far is stopped and the failure rethrown. */
    public synchronized Lifecycle start(Component component) {
        try {
            component.start();
            started.push(component);
            return this;
        } catch (StartupException e) {
            stop();
            throw e;
        } catch (Exception e) {
            stop();
            throw new StartupException(component.name() + ": " + e.getMessage(), e);
        }
    }

    /** Stops every started component in reverse order. Idempotent. */
    public synchronized void stop() {
        while (!started.isEmpty()) {
            Component c = started.pop();
            try {
                c.stop();
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed: {}", c.name(), e.toString());
            }
        }
        stopped.countDown();
    }

    /** Stops everything when the JVM is asked to exit (Ctrl-C, SIGTERM). */
    public Lifecycle stopOnShutdown() {
        hook = new Thread(this::stop, "onair-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    /** Blocks until {@link #stop()} has run. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
