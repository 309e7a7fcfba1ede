package dev.onair.publisher.setup;

/** Setup cannot go on: the message says what to fix; {@link SetupCommand} prints it and exits with 1. */
final class SetupFailed extends RuntimeException {
    SetupFailed(String message) {
        super(message);
    }
}
