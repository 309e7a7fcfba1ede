package dev.onair.bridge.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Who publishes the discovery configs: the {@code origin} block Home Assistant logs and shows (CONTRACT.md s. 7). */
public final class Origin {
    /** The origin name; also how the bridge recognises its own earlier configs. */
    public static final String NAME = "OnAir";

    public static final String SUPPORT_URL = "https://github.com/onair-presence/onair";

    /** The maker shown on every OnAir device in Home Assistant. */
    public static final String MANUFACTURER = "OnAir";

    private static final String VERSION = readVersion();

    private Origin() {}

    /** This build's version ({@code 0.1.0-SNAPSHOT}), or {@code dev} when run from an IDE without resources. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Origin.class.getResourceAsStream("/onair-bridge.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
