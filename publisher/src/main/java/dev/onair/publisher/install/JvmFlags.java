package dev.onair.publisher.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The publisher's JVM flags: a small fixed heap, the serial collector, C1 only, small stacks (bench/README.md,
 * "Publisher idle"). Defined once, as {@code onair.publisher.jvm.flags} in the parent pom; the build writes them into
 * this resource, into the release's {@code bin/onair} and {@code bin/onair.cmd}, and bench measures them, so the
 * launcher, the installed login service and the figures cannot drift apart.
 */
public final class JvmFlags {
    static final String RESOURCE = "jvm.flags";

    private JvmFlags() {}

    /** The flags, in order; never empty in a built jar. */
    public static List<String> publisher() {
        try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " resource next to " + JvmFlags.class.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (text.isEmpty() || text.contains("@")) {
                throw new IllegalStateException("the build did not fill in " + RESOURCE + ": '" + text + "'");
            }
            return Arrays.stream(text.split("\\s+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
