package dev.onair.display;

import dev.onair.display.hat.HatHdPanel;
import dev.onair.display.hat.HatMiniPanel;
import dev.onair.display.hat.Leds0Panel;
import dev.onair.display.hat.UnicorndPanel;
import dev.onair.display.panel.PanelKind;
import dev.onair.display.panel.Rotation;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which panel to drive and how it is mounted.
 *
 * @param kind the panel, or {@code AUTO} to look for a HAT
 * @param rotation how the HAT is mounted
 * @param spiSpeedHz the SPI clock for the SPI HATs, or 0 for the panel's own default (9 MHz HD, 600 kHz Mini)
 * @param unicorndSocket unicornd's Unix socket
 * @param ledsDevice the Pi 5 WS2812 device
 */
public record PanelSettings(PanelKind kind, Rotation rotation, int spiSpeedHz, Path unicorndSocket, Path ledsDevice) {
    public PanelSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(unicorndSocket, "unicorndSocket");
        Objects.requireNonNull(ledsDevice, "ledsDevice");
        if (spiSpeedHz < 0 || spiSpeedHz > 32_000_000) {
            throw new IllegalArgumentException("SPI speed " + spiSpeedHz + " Hz is outside 0..32000000");
        }
    }

    public static PanelSettings of(PanelKind kind) {
        return new PanelSettings(kind, Rotation.R0, 0, UnicorndPanel.DEFAULT_SOCKET, Leds0Panel.DEFAULT_DEVICE);
    }

    int speedFor(PanelKind k) {
        if (spiSpeedHz > 0) {
            return spiSpeedHz;
        }
        return k == PanelKind.HAT_MINI ? HatMiniPanel.SPEED_HZ : HatHdPanel.SPEED_HZ;
    }
}
