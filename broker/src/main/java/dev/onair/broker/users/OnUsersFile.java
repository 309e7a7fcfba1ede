package dev.onair.broker.users;

import dev.onair.runtime.config.PerInvocation;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * A {@code users} subcommand: it works on one users file, {@code --file}, and that is the only option
 * {@code ONAIR_FILE} or the YAML file may give it (compose sets it); the rest are about this one invocation.
 */
abstract class OnUsersFile implements PerInvocation {
    @Option(names = "--file", paramLabel = "FILE", description = "Users file (default: ${DEFAULT-VALUE}).")
    Path file = UsersFile.DEFAULT;

    @Override
    public Set<String> sharedKeys() {
        return Set.of("file");
    }
}
