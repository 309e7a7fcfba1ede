package dev.onair.publisher;

import dev.onair.contract.presence.Presence;
import dev.onair.testsupport.EmbeddedBroker;
import java.util.function.Predicate;

/** {@link Wire} for integration tests in sub-packages. */
public final class WireAccess {
    private WireAccess() {}

    public static Presence awaitPresence(EmbeddedBroker broker, String person, Predicate<Presence> matches) {
        return Wire.awaitPresence(broker, person, matches);
    }
}
