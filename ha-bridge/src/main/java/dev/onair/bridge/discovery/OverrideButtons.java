package dev.onair.bridge.discovery;

import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.presence.Status;
import java.time.Duration;
import java.util.List;

/**
 * The override buttons every person gets in Home Assistant (issue 15): one press sends one JSON override of
 * CONTRACT.md section 4 to {@code onair/person/<id>/set}. The select sets a status until cleared; these add the
 * durations people ask for. One table, so the discovery payload and its tests agree.
 */
public final class OverrideButtons {
    /**
     * One button.
     *
     * @param key the component key and the end of its unique_id; never changes
     * @param name the entity name Home Assistant shows after the device name
     * @param icon a Material Design icon
     * @param command what a press sends
     */
    public record Button(String key, String name, String icon, OverrideCommand command) {}

    public static final List<Button> ALL = List.of(
            new Button(
                    "override_busy_30m",
                    "Busy 30 min",
                    "mdi:timer-sand",
                    OverrideCommand.of(Status.BUSY, Duration.ofMinutes(30))),
            new Button(
                    "override_busy_1h",
                    "Busy 1 h",
                    "mdi:timer-sand",
                    OverrideCommand.of(Status.BUSY, Duration.ofHours(1))),
            new Button(
                    "override_dnd_1h",
                    "Do not disturb 1 h",
                    "mdi:minus-circle-outline",
                    OverrideCommand.of(Status.DO_NOT_DISTURB, Duration.ofHours(1))),
            new Button(
                    "override_dnd",
                    "Do not disturb",
                    "mdi:minus-circle",
                    OverrideCommand.of(Status.DO_NOT_DISTURB, null)),
            new Button("override_auto", "Auto", "mdi:account-reactivate", OverrideCommand.auto()));

    private OverrideButtons() {}
}
