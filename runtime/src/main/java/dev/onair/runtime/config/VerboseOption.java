package dev.onair.runtime.config;

import picocli.CommandLine.Option;

/**
 * {@code -v}/{@code --verbose}, shared by every command as a picocli mixin. Only declared here, so that picocli accepts
 * it and {@code --help} lists it: {@link Cli#run} acts on it before picocli parses, since the log level must be set
 * before the logging system starts.
 */
public final class VerboseOption {
    @Option(
            names = {"-v", "--verbose"},
            description = "Debug logging for OnAir's own code (also ONAIR_VERBOSE=true).")
    void verbose(boolean on) {
        // Cli.run has already turned debug logging on.
    }
}
