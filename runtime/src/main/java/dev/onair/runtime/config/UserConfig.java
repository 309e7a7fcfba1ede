package dev.onair.runtime.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * A command with a configuration file of its own for this user (the one its setup wrote, e.g. {@code onair publisher
 * setup}), which {@link Cli} reads when neither {@code --config} nor {@code ONAIR_CONFIG} names a file and it exists.
 * It takes the place of {@code --config}: {@code ONAIR_*} variables and flags still win over it.
 */
public interface UserConfig {
    /** Where this user's file is, whether or not it exists; it is read only when it does. */
    Path userConfigFile(Map<String, String> env);

    /**
     * Told, before the command runs, which file {@link Cli} read: {@code byDefault} when it was
     * {@link #userConfigFile}, not {@code --config}. Log it when running: Cli logs nothing itself.
     */
    void configRead(Path file, boolean byDefault);
}
