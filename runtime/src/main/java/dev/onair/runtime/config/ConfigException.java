package dev.onair.runtime.config;

import java.util.List;

/** One or more configuration errors; start-up stops with all of them listed and exit code 1. */
public final class ConfigException extends RuntimeException {
    private final List<String> errors;

    public ConfigException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public ConfigException(String error) {
        this(List.of(error));
    }

    public List<String> errors() {
        return errors;
    }
}
