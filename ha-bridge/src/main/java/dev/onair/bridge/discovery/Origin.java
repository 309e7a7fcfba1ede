package dev.onair.bridge.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Who publishes the discovery configs: the {@code origin} block Home Assistant logs and shows (CONTRACT.md s. 7). */
public final class Origin {
    /** The origin name; also how the bridge recognises its own earlier configs. */
    public static final String NAME = "OnAir";

    /**
     * The project's URL, the {@code <url>} of the root pom (one home for it); null while the pom names none (as now:
     * the project has no public home yet) or when run without the build's resources.
     */
    public static final String SUPPORT_URL;

    /** The maker shown on every OnAir device in Home Assistant. */
    public static final String MANUFACTURER = "OnAir";

    private static final String VERSION;

    static {
        Properties build = readBuild();
        VERSION = filtered(build.getProperty("version"), "dev");
        SUPPORT_URL = filtered(build.getProperty("url"), null);
    }

    private Origin() {}

    /** This build's version ({@code 0.1.0-SNAPSHOT}), or {@code dev} when run from an IDE without resources. */
    public static String version() {
        return VERSION;
    }

    /** The properties the build filled in; empty when run from an IDE without filtered resources. */
    private static Properties readBuild() {
        Properties p = new Properties();
        try (InputStream in = Origin.class.getResourceAsStream("/onair-bridge.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: the defaults below
        }
        return p;
    }

    private static String filtered(String value, String fallback) {
        return value == null || value.startsWith("${") ? fallback : value;
    }
}
