package dev.onair.bridge.roster;

import dev.onair.protocol.presence.Presence;

/**
 * The one place that decides how a person is called: Home Assistant's device name and the person in ntfy messages
 * both come from here, so they never disagree.
 */
public final class PersonLabel {
    private PersonLabel() {}

    /**
     * The name listed in the bridge's configuration ({@code --people alice=Alice Smith}), else the display name the
     * person's publisher sends in its presence ({@code name}, CONTRACT.md section 3), else the person's id. The
     * bridge's own listing wins: whoever runs Home Assistant may rename a person there.
     *
     * @param latest the person's latest presence, or null
     */
    public static String of(String id, String listedName, Presence latest) {
        if (listedName != null) {
            return listedName;
        }
        if (latest != null && latest.name() != null) {
            return latest.name();
        }
        return id;
    }
}
