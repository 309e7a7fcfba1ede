package dev.onair.runtime.config;

/**
 * A node cannot start for a reason outside its configuration (a port already in use, an unreadable keystore). The
 * message is one line saying what to fix; the command exits with code 1.
 */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
