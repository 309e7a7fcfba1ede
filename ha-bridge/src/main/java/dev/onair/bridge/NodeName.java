package dev.onair.bridge;

import dev.onair.protocol.Ids;

/**
 * A person or display listed in the configuration: its id and the name Home Assistant shows for its device.
 *
 * @param id the contract id ({@code alice})
 * @param name the device name in Home Assistant ({@code Alice Smith}); the id when none was given
 */
public record NodeName(String id, String name) {
    public NodeName {
        Ids.require(id, "id");
        if (name == null || name.isBlank()) {
            name = id;
        }
    }

    /**
     * Parses a list entry: {@code alice} (id), {@code Alice Smith} (a name, id derived: {@code alice-smith}) or
     * {@code alice=Alice Smith} (both).
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static NodeName parse(String entry) {
        String text = entry == null ? "" : entry.trim();
        int eq = text.indexOf('=');
        if (eq >= 0) {
            String id = text.substring(0, eq).trim();
            if (!Ids.isValid(id)) {
                throw new IllegalArgumentException(
                        "'" + text + "': id '" + id + "' is invalid (use a-z, 0-9, '_', '-')");
            }
            return new NodeName(id, text.substring(eq + 1).trim());
        }
        if (Ids.isValid(text)) {
            return new NodeName(text, text);
        }
        return new NodeName(Ids.fromName(text), text);
    }
}
