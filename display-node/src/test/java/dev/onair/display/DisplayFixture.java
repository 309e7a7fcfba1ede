package dev.onair.display;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.display.panel.PanelKind;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.presence.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Builds display nodes on the embedded broker, with the virtual panel and the dashboard on a free loopback port. */
final class DisplayFixture {
    private DisplayFixture() {}

    static DisplayConfig config(EmbeddedBroker broker, String displayId) {
        return DisplayConfig.defaults(broker.settings(displayId))
                .withId(displayId)
                .withPanel(PanelSettings.of(PanelKind.VIRTUAL))
                .withWeb(new WebSettings("127.0.0.1", 0, null))
                .withStartupRainbow(Duration.ZERO);
    }

    static String presence(String person, Status status, Activity activity) {
        return new String(
                PresenceCodec.encode(new Presence(
                        person,
                        status,
                        activity,
                        Instant.parse("2026-11-22T09:00:00Z"),
                        "teams-log",
                        true,
                        false,
                        null)),
                StandardCharsets.UTF_8);
    }
}
