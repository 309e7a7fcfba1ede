package dev.onair.broker.users;

import java.util.Locale;

/** What a broker user is for; each role has its own least-privilege ACL ({@code dev.onair.broker.auth.RoleAcl}). */
public enum Role {
    /** A work PC's publisher: one person's topics. */
    PUBLISHER,
    /** A display node: reads presence, writes its own display topics and the persons' override commands. */
    DISPLAY,
    /** The Home Assistant discovery bridge. */
    BRIDGE,
    /** Home Assistant's own MQTT connection. */
    HOMEASSISTANT,
    /** Read-only: everything under the OnAir prefix. */
    VIEWER,
    /**
     * Clients with no user name on the plain loopback listener, where the broker allows them ({@code onair demo}):
     * read-only, OnAir and discovery topics. Never a role in the users file.
     */
    ANONYMOUS;

    /** Whether users of this role act for one person or display id. */
    public boolean hasId() {
        return this == PUBLISHER || this == DISPLAY;
    }

    /** The name used in the users file and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a role name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role != ANONYMOUS && role.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "role '" + text + "' is unknown: use publisher, display, bridge, homeassistant or viewer");
    }
}
