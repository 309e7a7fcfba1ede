package dev.onair.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * One policy for tests that need something from outside the JVM (Debian's Mosquitto, docker-compose, a
 * multicast-capable network interface): in CI ({@code CI=true}, set by {@code .ci/run} and by CI services) a missing
 * tool fails the test, so a run can never pass green by skipping; on a developer's machine the test is skipped with
 * the same message, saying what to install.
 */
public final class OutsideTool {
    private OutsideTool() {}

    /** Fails (CI) or skips (elsewhere) the calling test unless {@code present}; {@code missing} says what to do. */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (inCi()) {
            throw new AssertionError(missing + " (required in CI; .ci/run installs it)");
        }
        Assumptions.abort(missing + " (skipped outside CI; in CI this fails)");
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
