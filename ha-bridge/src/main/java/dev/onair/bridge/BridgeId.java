package dev.onair.bridge;

import dev.onair.protocol.Ids;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge's own id (issue 11): it names the bridge's availability topic {@code onair/bridge/<id>/availability},
 * its mirror record and its daily totals, so two bridges on one broker never write each other's topics. By default
 * the host's name, which is stable on a Pi and differs between machines; in a container (whose host name changes with
 * every re-creation) give it with {@code --bridge-id}.
 */
public final class BridgeId {
    /** The id when the host name gives nothing usable. */
    static final String FALLBACK = "bridge";

    private BridgeId() {}

    /** The id derived from this machine's host name. */
    public static String fromHost() {
        return fromHostName(hostName(System.getenv()).orElse(null));
    }

    /** {@code raspberrypi.local} gives {@code raspberrypi}, {@code Office PC} gives {@code office-pc}. */
    static String fromHostName(String hostName) {
        if (hostName == null || hostName.isBlank()) {
            return FALLBACK;
        }
        String first = hostName.trim().split("\\.", 2)[0].toLowerCase(Locale.ROOT);
        try {
            return Ids.fromName(first);
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
    }

    /**
     * The environment's name first (shells and Docker set {@code HOSTNAME}, Windows {@code COMPUTERNAME}), then
     * {@code /etc/hostname}, then the resolver, which may do a network look-up and so comes last.
     */
    private static Optional<String> hostName(Map<String, String> env) {
        for (String key : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = env.get(key);
            if (v != null && !v.isBlank()) {
                return Optional.of(v);
            }
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String v = Files.readString(etc).trim();
                if (!v.isEmpty()) {
                    return Optional.of(v);
                }
            }
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
