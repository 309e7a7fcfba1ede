package dev.onair.broker.auth;

import io.moquette.broker.security.IAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moquette's authenticator: accepts exactly the connections OnAir's connection gate ({@code
 * dev.onair.broker.net.ConnectionGate}) approved. The gate checks the password off Moquette's network threads (with
 * back-off, see {@link LoginGuard}) and then hands the CONNECT to Moquette on the connection's own thread inside
 * {@link #runApproved}; Moquette asks this class synchronously on that thread. A connection that bypassed the gate is
 * refused: the check fails closed.
 */
public final class PasswordAuthenticator implements IAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(PasswordAuthenticator.class);
    private static final ThreadLocal<String> APPROVED = new ThreadLocal<>();

    /** Runs {@code connect} (the gate passing a CONNECT to Moquette) with {@code user} approved on this thread. */
    public static void runApproved(String user, Runnable connect) {
        APPROVED.set(user);
        try {
            connect.run();
        } finally {
            APPROVED.remove();
        }
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        String approved = APPROVED.get();
        if (approved != null && approved.equals(username)) {
            return true;
        }
        log.warn(
                "Refused connection: client {} (user {}) was not checked by the connection gate",
                LogText.of(clientId),
                LogText.of(username));
        return false;
    }
}
