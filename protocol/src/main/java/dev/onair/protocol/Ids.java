package dev.onair.protocol;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Person and display identifiers (CONTRACT.md section 1): lower case, safe inside MQTT topics and Home Assistant
 * ids.
 */
public final class Ids {
    /** The pattern every person and display id matches. */
    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,31}$");

    private Ids() {}

    /** Whether {@code id} is a valid person or display id. */
    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /**
     * Returns {@code id} if it is valid.
     *
     * @param what what the id names, for the error message ("person id", "display id")
     * @throws IllegalArgumentException naming the bad value and the rule it breaks
     */
    public static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " '" + id + "' is invalid: use 1 to 32 characters of a-z, 0-9, "
                    + "'_' and '-', starting with a letter or digit");
        }
        return id;
    }

    /**
     * Derives an id from a display name: "Alice Smith" becomes {@code alice-smith}, accents are dropped.
     *
     * @throws IllegalArgumentException if nothing usable is left of the name
     */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String id =
                ascii.replaceAll("[^a-z0-9_-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-_]+|[-_]+$", "");
        if (id.length() > 32) {
            id = id.substring(0, 32).replaceAll("[-_]+$", "");
        }
        return require(id, "id derived from name '" + name + "'");
    }
}
