package dev.onair.runtime.lifecycle;

import dev.onair.runtime.config.StartupException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in order, stops them in reverse (on {@link #stop()}, on a failed start, or on SIGTERM/Ctrl-C
 * through a shutdown hook).
 *
 * <p>A Lifecycle is itself a {@link Component}, so a node is the list of its parts:
 *
 * <pre>{@code
 * parts = new Lifecycle("publisher alice").add(link).add(source).add(statusServer);
 * parts.start(); // link, then source, then the status server; stop() the other way round
 * }</pre>
 *
 * {@link #start(Component)} starts one component at once, for a {@code main} that wires as it goes.
 */
public final class Lifecycle implements Component {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final String name;
    private final List<Component> parts = new ArrayList<>();
    private final Deque<Component> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread hook;

    public Lifecycle() {
        this("lifecycle");
    }

    /** @param name the name in logs and start-up errors when this Lifecycle is a part of another */
    public Lifecycle(String name) {
        this.name = name;
    }

    /** Adds a part that {@link #start()} starts, after the parts added before it; null (an unused part) is skipped. */
    public synchronized Lifecycle add(Component part) {
        if (part != null) {
            parts.add(part);
        }
        return this;
    }

    /** Starts the added parts in order; if one fails, the ones started are stopped and the failure rethrown. */
    @Override
    public synchronized void start() {
        for (Component part : parts) {
            start(part);
        }
    }

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
    @Override
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

    @Override
    public String name() {
        return name;
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
