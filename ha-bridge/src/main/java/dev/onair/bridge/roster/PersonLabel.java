package dev.onair.bridge.roster;

import dev.onair.protocol.presence.Presence;

/**
 * The one place that decides how a person is called: Home Assistant's device name and the person in ntfy messages
 * both come from here, so they never disagree.
 */
public final class PersonLabel {
    private PersonLabel() {}

    /**
     * The name listed in the bridge's configuration ({@code --people alice=Alice Smith}), else the person's id.
     *
     * <p>Issue 15 adds an optional display name to the presence JSON, set in the publisher's configuration; it
     * belongs here, after the bridge's own listing and before the id.
     *
     * @param latest the person's latest presence, or null
     */
    public static String of(String id, String listedName, Presence latest) {
        if (listedName != null) {
            return listedName;
        }
        return id;
    }
}
