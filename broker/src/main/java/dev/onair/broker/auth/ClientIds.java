package dev.onair.broker.auth;

import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import java.util.Optional;

/**
 * The client ids OnAir's own nodes use belong to their user (issue 11): otherwise any user could connect as
 * {@code onair-display-main} and kick the display off again and again (MQTT lets a new connection with the same id
 * take the old one over).
 *
 * <table>
 *   <tr><th>client id</th><th>only for</th></tr>
 *   <tr><td>{@code onair-publisher-<x>}</td><td>a publisher whose person id is {@code x}</td></tr>
 *   <tr><td>{@code onair-display-<x>}</td><td>a display whose display id is {@code x}</td></tr>
 *   <tr><td>{@code onair-bridge}, {@code onair-bridge-*}</td><td>bridge users</td></tr>
 *   <tr><td>{@code onair-set-*}</td><td>users that may write a {@code set} topic (not viewers)</td></tr>
 * </table>
 *
 * Every other id is free for anyone; {@link SessionOwners} keeps a session from passing between users.
 */
public final class ClientIds {
    private ClientIds() {}

    /** Why {@code user} may not use {@code clientId}, or empty when it may. */
    public static Optional<String> refusal(User user, String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        Role role = user.role();
        if (clientId.startsWith("onair-publisher-")) {
            String id = clientId.substring("onair-publisher-".length());
            return role == Role.PUBLISHER && id.equals(user.id())
                    ? Optional.empty()
                    : Optional.of("client id " + clientId + " belongs to the publisher of person " + id);
        }
        if (clientId.startsWith("onair-display-")) {
            String id = clientId.substring("onair-display-".length());
            return role == Role.DISPLAY && id.equals(user.id())
                    ? Optional.empty()
                    : Optional.of("client id " + clientId + " belongs to the display " + id);
        }
        if (clientId.equals("onair-bridge") || clientId.startsWith("onair-bridge-")) {
            return role == Role.BRIDGE ? Optional.empty() : Optional.of("client id " + clientId + " is the bridge's");
        }
        if (clientId.startsWith("onair-set-")) {
            return role == Role.VIEWER || role == Role.ANONYMOUS
                    ? Optional.of("client id " + clientId + " is for users that send commands")
                    : Optional.empty();
        }
        return Optional.empty();
    }
}
