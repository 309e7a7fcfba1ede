package dev.onair.broker.auth;

import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.User;
import io.moquette.broker.security.IAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks MQTT user names and passwords against the users file. A connection without a user name never gets here:
 * the broker runs with anonymous access off on every listener.
 */
public final class PasswordAuthenticator implements IAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(PasswordAuthenticator.class);

    private final UserDirectory users;

    public PasswordAuthenticator(UserDirectory users) {
        this.users = users;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        Optional<User> user = users.find(username);
        if (user.isEmpty()) {
            log.warn("Denied connection: client {} gave unknown user {}", clientId, username);
            return false;
        }
        String given = password == null ? null : new String(password, StandardCharsets.UTF_8);
        if (!PasswordHash.verify(given, user.get().passwordHash())) {
            log.warn("Denied connection: client {} gave a wrong password for user {}", clientId, username);
            return false;
        }
        return true;
    }
}
