package dev.onair.runtime.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every configuration error before start-up gives up, so the user fixes them all in one go.
 *
 * <pre>{@code
 * ConfigErrors errors = new ConfigErrors();
 * errors.requirePort("--tls-port", tlsPort, false);
 * Rotation rotation = errors.check("--rotation", () -> Rotation.ofDegrees(degrees));
 * errors.throwIfAny();
 * }</pre>
 */
public final class ConfigErrors {
    private final List<String> errors = new ArrayList<>();

    public void add(String error) {
        errors.add(error);
    }

    /** Adds {@code error} when {@code ok} is false. */
    public void require(boolean ok, String error) {
        if (!ok) {
            errors.add(error);
        }
    }

    /** Requires {@code value} to be a TCP port; with {@code zeroTurnsOff}, 0 is allowed and means none. */
    public void requirePort(String option, int value, boolean zeroTurnsOff) {
        int min = zeroTurnsOff ? 0 : 1;
        require(
                value >= min && value <= 65535,
                option + ": " + value + " is not a port (" + min + "-65535" + (zeroTurnsOff ? ", 0 turns it off" : "")
                        + ")");
    }

    /** Reads {@code text} in the one duration grammar ({@link Durations}); null (and an error) when it is not one. */
    public Duration duration(String option, String text) {
        return check(option, () -> Durations.parse(text));
    }

    /**
     * Runs {@code parse}; an {@link IllegalArgumentException} from it becomes an error for {@code option} and the
     * result is null.
     */
    public <T> T check(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            errors.add(option + ": " + e.getMessage());
            return null;
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<String> all() {
        return List.copyOf(errors);
    }

    /** @throws ConfigException listing every error collected */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
