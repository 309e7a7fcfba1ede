package dev.onair.runtime.config;

import java.util.Set;

/**
 * A command whose options are about this one invocation ({@code users add NAME --id ...}, {@code certs --host ...}),
 * so {@code ONAIR_*} variables and the YAML file, which are there for the long-running nodes, must not fill them in:
 * {@code ONAIR_ID=main} set for a display must not make {@code users add alice} speak for display {@code main}.
 */
public interface PerInvocation {
    /** The option keys (long names without dashes) that may still come from the environment or the file. */
    default Set<String> sharedKeys() {
        return Set.of();
    }
}
