package dev.onair.publisher.setup;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user configuration folder each OS expects: {@code %APPDATA%\OnAir} on Windows,
 * {@code ~/Library/Application Support/OnAir} on macOS, {@code $XDG_CONFIG_HOME/onair} (default
 * {@code ~/.config/onair}) elsewhere, as the XDG Base Directory specification says: a relative XDG_CONFIG_HOME is
 * ignored.
 */
public final class UserConfigDir {
    /** The publisher's configuration file in that folder. */
    public static final String CONFIG_FILE = "publisher.yaml";

    private UserConfigDir() {}

    public static Path of(String osName, Map<String, String> env, Path home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "OnAir")
                    : home.resolve("AppData").resolve("Roaming").resolve("OnAir");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("OnAir");
        }
        return xdgConfigHome(env, home).resolve("onair");
    }

    /** {@code $XDG_CONFIG_HOME} when set to an absolute path (the specification ignores a relative one), else ~/.config. */
    public static Path xdgConfigHome(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
    }

    /** The publisher's configuration file for this user. */
    public static Path configFile(String osName, Map<String, String> env, Path home) {
        return of(osName, env, home).resolve(CONFIG_FILE);
    }
}
