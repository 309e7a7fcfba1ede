package dev.onair.publisher.secret;

/** A password that cannot be kept or read; the message says where and what to do. */
public final class SecretException extends Exception {
    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
