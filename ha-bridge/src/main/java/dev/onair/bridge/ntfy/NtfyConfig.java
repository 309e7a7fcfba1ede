package dev.onair.bridge.ntfy;

import dev.onair.protocol.presence.Status;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * Where and what to notify through ntfy.
 *
 * @param server the ntfy server, {@code https://ntfy.sh} or a self-hosted one
 * @param topic the ntfy topic to publish to
 * @param token an access token, or null
 * @param people the person ids to notify about; empty for everyone
 * @param statuses the statuses worth a notification; empty for every change
 */
public record NtfyConfig(URI server, String topic, String token, Set<String> people, Set<Status> statuses) {
    public NtfyConfig {
        Objects.requireNonNull(server, "ntfy server");
        String scheme = server.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || server.getHost() == null) {
            throw new IllegalArgumentException("ntfy server '" + server + "' must be an http:// or https:// URL");
        }
        if (topic == null || !topic.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("ntfy topic '" + topic + "' must be 1 to 64 of A-Z, a-z, 0-9, '_', '-'");
        }
        people = Set.copyOf(people);
        statuses = Set.copyOf(statuses);
    }

    /** Whether a change of {@code person} to {@code status} is worth a notification. */
    public boolean wants(String person, Status status) {
        return (people.isEmpty() || people.contains(person)) && (statuses.isEmpty() || statuses.contains(status));
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "NtfyConfig[server=" + server + ", topic=" + topic + ", token=" + (token == null ? "none" : "***")
                + ", people=" + people + ", statuses=" + statuses + "]";
    }
}
