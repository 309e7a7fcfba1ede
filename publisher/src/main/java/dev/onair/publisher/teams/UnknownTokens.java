package dev.onair.publisher.teams;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line that has a known shape but a word OnAir does not know (a new status, another language): logged once per word
 * and ignored, so the last good state stays (issue 13). Bounded, because a log full of junk must not grow memory.
 */
final class UnknownTokens {
    private static final Logger log = LoggerFactory.getLogger(UnknownTokens.class);
    static final int MAX_REMEMBERED = 100;

    private final Set<String> seen = new HashSet<>();

    /** Logs {@code token} of a {@code shape} line the first time it is seen; returns whether it was logged. */
    boolean report(String shape, String token) {
        String key = shape + "\u0000" + token;
        if (seen.contains(key) || seen.size() >= MAX_REMEMBERED) {
            return false;
        }
        seen.add(key);
        log.warn(
                "Teams wrote '{}' in a {} line, which OnAir does not know; the line is ignored and the last status"
                        + " stays. If this is a status, please report it with the line.",
                token,
                shape);
        return true;
    }
}
