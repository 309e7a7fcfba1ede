package dev.onair.publisher;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.protocol.presence.Presence;
import java.util.function.Predicate;

/** {@link Wire} for integration tests in sub-packages. */
public final class WireAccess {
    private WireAccess() {}

    public static Presence awaitPresence(EmbeddedBroker broker, String person, Predicate<Presence> matches) {
        return Wire.awaitPresence(broker, person, matches);
    }
}
