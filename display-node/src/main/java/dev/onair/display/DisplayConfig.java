package dev.onair.display;

import dev.onair.display.history.HistorySettings;
import dev.onair.display.panel.PanelKind;
import dev.onair.display.scene.Layout;
import dev.onair.display.scene.Look;
import dev.onair.display.scene.NightHours;
import dev.onair.protocol.Ids;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.config.RecordBuilder;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a display node needs. {@link #defaults} gives a working configuration; the {@code with*} methods
 * change parts of it, for code that starts a display in-process ({@code ./onair demo}).
 *
 * @param id the display id (also its MQTT user name on the OnAir broker)
 * @param broker how to reach the broker
 * @param topicPrefix the topic prefix, {@code onair} by default
 * @param panel which panel to drive
 * @param web the dashboard's listener
 * @param look colours and animations
 * @param brightness the brightness at start-up, 0 to 255
 * @param night the night hours, or null for none
 * @param people the people shown first, in this order
 * @param layout how several people share the panel
 * @param rotateEvery how long each person is shown with {@link Layout#ROTATE}
 * @param startupRainbow how long the rainbow sweep runs at start-up (zero for none)
 * @param history where and how long presence history is kept (issue 15), or {@link HistorySettings#off()}
 * @param giveOfflineColumns whether people whose publisher is offline give their part of the panel to the others
 */
public record DisplayConfig(
        String id,
        BrokerSettings broker,
        String topicPrefix,
        PanelSettings panel,
        WebSettings web,
        Look look,
        int brightness,
        NightHours night,
        List<String> people,
        Layout layout,
        Duration rotateEvery,
        Duration startupRainbow,
        HistorySettings history,
        boolean giveOfflineColumns) {

    public static final String DEFAULT_ID = "main";
    public static final int DEFAULT_BRIGHTNESS = 128;
    public static final Duration DEFAULT_ROTATE_EVERY = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STARTUP_RAINBOW = Duration.ofSeconds(2);

    public DisplayConfig {
        Ids.require(id, "display id");
        Objects.requireNonNull(broker, "broker");
        new Topics(topicPrefix, Topics.DEFAULT_DISCOVERY_PREFIX);
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(look, "look");
        if (brightness < 0 || brightness > 255) {
            throw new IllegalArgumentException("brightness " + brightness + " is outside 0..255");
        }
        people = List.copyOf(people);
        for (String p : people) {
            Ids.require(p, "person id");
        }
        Objects.requireNonNull(layout, "layout");
        if (rotateEvery.isNegative() || rotateEvery.isZero()) {
            throw new IllegalArgumentException("rotate interval " + rotateEvery + " must be positive");
        }
        if (startupRainbow.isNegative()) {
            throw new IllegalArgumentException("start-up rainbow " + startupRainbow + " must not be negative");
        }
        Objects.requireNonNull(history, "history");
    }

    /** Display {@code main}, panel found automatically, dashboard on port 5000, the contract's colours. */
    public static DisplayConfig defaults(BrokerSettings broker) {
        return new DisplayConfig(
                DEFAULT_ID,
                broker,
                Topics.DEFAULT_PREFIX,
                PanelSettings.of(PanelKind.AUTO),
                WebSettings.defaults(),
                Look.defaults(),
                DEFAULT_BRIGHTNESS,
                null,
                List.of(),
                Layout.SPLIT,
                DEFAULT_ROTATE_EVERY,
                DEFAULT_STARTUP_RAINBOW,
                HistorySettings.off(),
                false);
    }

    public DisplayConfig withId(String newId) {
        return RecordBuilder.from(this).set("id", newId).build();
    }

    public DisplayConfig withBroker(BrokerSettings newBroker) {
        return RecordBuilder.from(this).set("broker", newBroker).build();
    }

    public DisplayConfig withPanel(PanelSettings newPanel) {
        return RecordBuilder.from(this).set("panel", newPanel).build();
    }

    public DisplayConfig withWeb(WebSettings newWeb) {
        return RecordBuilder.from(this).set("web", newWeb).build();
    }

    public DisplayConfig withStartupRainbow(Duration newStartupRainbow) {
        return RecordBuilder.from(this).set("startupRainbow", newStartupRainbow).build();
    }

    public DisplayConfig withHistory(HistorySettings newHistory) {
        return RecordBuilder.from(this).set("history", newHistory).build();
    }

    public DisplayConfig withGiveOfflineColumns(boolean give) {
        return RecordBuilder.from(this).set("giveOfflineColumns", give).build();
    }

    public Topics topics() {
        return new Topics(topicPrefix, Topics.DEFAULT_DISCOVERY_PREFIX);
    }
}
