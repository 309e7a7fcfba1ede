package dev.onair.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops what a test started, after the test and its {@code @AfterEach}, the last started first (as try-with-resources
 * would): a node before the disk it writes to, a publisher before the proxy it talks through.
 *
 * <pre>{@code
 * @RegisterExtension
 * final Cleanup cleanup = new Cleanup();   // after the EmbeddedBroker field: it runs before the broker stops
 *
 * @Test
 * void something() throws Exception {
 *     SmallFileSystem disk = cleanup.add(SmallFileSystem.mount(data, "2m"));
 *     DisplayNode node = cleanup.add(new DisplayNode(config), DisplayNode::stop);
 *     ...
 * }
 * }</pre>
 */
public final class Cleanup implements AfterEachCallback {
    /** How to stop one part. */
    @FunctionalInterface
    public interface Stop<T> {
        void stop(T part) throws Exception;
    }

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private Exception failure;

    /** Stops {@code part} with {@code stop} after the test; returns {@code part}. */
    public synchronized <T> T add(T part, Stop<? super T> stop) {
        steps.push(() -> {
            try {
                stop.stop(part);
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        });
        return part;
    }

    /** Closes {@code part} after the test; returns it. */
    public <T extends AutoCloseable> T add(T part) {
        return add(part, AutoCloseable::close);
    }

    /** Runs every stop, the last added first; the first that failed fails the test, with the others suppressed. */
    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        while (!steps.isEmpty()) {
            steps.pop().run();
        }
        Exception e = failure;
        failure = null;
        if (e != null) {
            throw e;
        }
    }
}
