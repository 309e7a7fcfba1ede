package dev.onair.broker.health;

import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login {@code onair healthcheck} uses (issue 11, "Disk full"): a CONNACK refusing a login proves little, since
 * Moquette refuses on its network thread, while an accepted CONNECT passes through the session loops that a broken
 * store stops. So the broker makes an in-memory user that may neither read nor write anything, with a random password
 * written to {@link #secretFile(int)} (owner-only), outside the data folder, which may be the full one. The health check
 * runs in the broker's own container or host and reads it there.
 */
public final class HealthLogin {
    private static final Logger log = LoggerFactory.getLogger(HealthLogin.class);

    /** The health check's user name. */
    public static final String USER = "onair-healthcheck";

    private final User user;
    private final Path file;

    private HealthLogin(User user, Path file) {
        this.user = user;
        this.file = file;
    }

    /** Where the broker listening for TLS on {@code tlsPort} keeps the health check's password. */
    public static Path secretFile(int tlsPort) {
        return Path.of(System.getProperty("java.io.tmpdir"), "onair-healthcheck-" + tlsPort + ".secret");
    }

    /** Makes the user and writes its password; a failure to write is logged (the health check will then fail). */
    public static HealthLogin create(int tlsPort) {
        String password = PasswordHash.generatePassword();
        Path file = secretFile(tlsPort);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot write the health check's password to {}: {}", file, e.toString());
        }
        return new HealthLogin(User.createGenerated(USER, Role.VIEWER, null, password), file);
    }

    /** The in-memory user. */
    public User user() {
        return user;
    }

    /** Removes the password file. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", file, e.toString());
        }
    }

    /**
     * {@code authenticator}, refusing the health check's login while {@code healthy} says no (the data folder is full:
     * the broker answers, but accepts no publishes), so the health check reports it.
     */
    public static IAuthenticator refuseWhileUnhealthy(IAuthenticator authenticator, BooleanSupplier healthy) {
        return (clientId, username, password) -> {
            if (USER.equals(username) && !healthy.getAsBoolean()) {
                return false;
            }
            return authenticator.checkValid(clientId, username, password);
        };
    }

    /** {@code acl}, denying the health check's user every topic. */
    public static IAuthorizatorPolicy denyHealthUser(IAuthorizatorPolicy acl) {
        return new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                return !USER.equals(user) && acl.canWrite(topic, user, client);
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                return !USER.equals(user) && acl.canRead(topic, user, client);
            }
        };
    }
}
