package dev.onair.runtime.lifecycle;

/**
 * A part of a node with a life: {@code start()} does the work a constructor must not, {@code stop()} undoes it.
 * {@link Lifecycle} starts components in order and stops them in reverse.
 */
public interface Component {
    /** Starts the component; failures end start-up. */
    void start() throws Exception;

    /** Stops the component; must not throw, and must be safe to call when start failed half-way. */
    void stop();

    /** A short name for logs. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Work done at start ({@code start}) and undone at stop ({@code stop}), named for logs. */
    static Component of(String name, Starter start, Runnable stop) {
        return new Component() {
            @Override
            public void start() throws Exception {
                start.start();
            }

            @Override
            public void stop() {
                stop.run();
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** What {@link #of} runs at start. */
    @FunctionalInterface
    interface Starter {
        void start() throws Exception;
    }
}
