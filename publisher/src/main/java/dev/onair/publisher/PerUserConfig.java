package dev.onair.publisher;

import dev.onair.publisher.setup.UserConfigDir;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Which configuration file {@code onair publisher} or {@code onair set} read: {@code --config}, else the per-user one
 * {@code onair publisher setup} wrote ({@link UserConfigDir}), which runtime's Cli reads when it exists.
 */
final class PerUserConfig {
    /** {@code --config}'s help for these commands: without it, the file setup wrote is read. */
    static final String HELP = "YAML configuration file (keys are option names; default: the one onair publisher "
            + "setup wrote for you, when it exists).";

    private Path read;
    private boolean byDefault;

    /** This user's file, as setup writes it, for this OS. */
    static Path file(Map<String, String> env) {
        return UserConfigDir.configFile(System.getProperty("os.name"), env, Path.of(System.getProperty("user.home")));
    }

    void read(Path file, boolean ownFile) {
        this.read = file;
        this.byDefault = ownFile;
    }

    /** One line saying which file was read, if any. */
    void log(Logger log) {
        if (read == null) {
            log.info("No configuration file: options from flags and ONAIR_* variables only");
        } else if (byDefault) {
            log.info(
                    "Configuration read from {} (yours, as onair publisher setup wrote it; --config FILE reads "
                            + "another)",
                    read);
        } else {
            log.info("Configuration read from {}", read);
        }
    }
}
