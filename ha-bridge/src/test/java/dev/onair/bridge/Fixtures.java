package dev.onair.bridge;

import dev.onair.protocol.light.LightState;
import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.presence.Status;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Payloads and a quick bridge configuration for the integration tests. */
final class Fixtures {
    /** The bridge id of {@link #fast}: tests name the bridge's own topics with it. */
    static final String BRIDGE_ID = "pi";

    private Fixtures() {}

    static String presence(String person, Status status) {
        return presence(person, status, Instant.now());
    }

    static String presence(String person, Status status, Instant since) {
        Presence p = new Presence(
                person, status, Activity.of(status), since, "teams-log", true, status == Status.BUSY, null);
        return new String(PresenceCodec.encode(p), StandardCharsets.UTF_8);
    }

    static String displayState() {
        return new String(
                new LightState(true, 128, new Rgb(255, 0, 0), LightState.EFFECT_PRESENCE).toJson(),
                StandardCharsets.UTF_8);
    }

    /** Short windows and delays so tests run in seconds; everything else as in production. */
    static BridgeConfig fast(BrokerSettings onair) {
        return BridgeConfig.of(onair)
                .withBridgeId(BRIDGE_ID)
                .withTimings(Duration.ofDays(7), Duration.ofMillis(500), Duration.ofMillis(500))
                .withPeople(List.of())
                .withDisplays(List.of());
    }
}
