package dev.onair.publisher;

import dev.onair.runtime.config.UserConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;

/**
 * A command that reads the per-user file {@code onair publisher setup} wrote when neither {@code --config} nor
 * {@code ONAIR_CONFIG} names one ({@code onair publisher}, {@code onair set}); it remembers which file was read and
 * logs it when it runs.
 */
abstract class PerUserConfigCommand implements Callable<Integer>, UserConfig {
    private final PerUserConfig configRead = new PerUserConfig();

    @Override
    public final Path userConfigFile(Map<String, String> env) {
        return PerUserConfig.file(env);
    }

    @Override
    public final void configRead(Path file, boolean byDefault) {
        configRead.read(file, byDefault);
    }

    /** One line saying which configuration file was read, if any. */
    protected final void logConfigRead(Logger log) {
        configRead.log(log);
    }
}
