package dev.onair.display.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's state from a moment on.
 *
 * @param person the person id
 * @param state the new state, or null when nothing is known any more (the retained presence was cleared)
 * @param at when the display saw it
 */
public record Change(String person, PersonState state, Instant at) {
    public Change {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(at, "at");
    }
}
