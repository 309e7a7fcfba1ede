package dev.onair.publisher.install;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the publisher's per-user configuration lives, in each OS's own place: {@code %APPDATA%\OnAir},
 * {@code ~/Library/Application Support/OnAir}, {@code $XDG_CONFIG_HOME/onair} ({@code ~/.config/onair}). The file is
 * {@value #FILE_NAME}; {@code onair publisher setup} writes it, {@code install} points the login service at it.
 */
public final class UserConfig {
    public static final String FILE_NAME = "publisher.yaml";

    private UserConfig() {}

    /** The configuration file of this OS and user. */
    public static Path file(String osName, Map<String, String> env, Path home) {
        return dir(osName, env, home).resolve(FILE_NAME);
    }

    /** The folder it is in. */
    public static Path dir(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank()
                            ? home.resolve("AppData").resolve("Roaming")
                            : Path.of(appData))
                    .resolve("OnAir");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("OnAir");
        }
        return xdgConfigHome(env, home).resolve("onair");
    }

    /** {@code $XDG_CONFIG_HOME} when set to an absolute path (the spec ignores a relative one), else ~/.config. */
    static Path xdgConfigHome(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home.resolve(".config");
    }
}
