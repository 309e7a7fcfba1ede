package dev.onair.display;

import dev.onair.display.hat.Leds0Panel;
import dev.onair.display.hat.UnicorndPanel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@link DisplayCommand}'s options for the panel hardware: which panel, how it is mounted, how it is reached. */
final class PanelOptions {
    @Option(
            names = "--panel",
            paramLabel = "PANEL",
            description = "auto, virtual, hat-hd, hat-mini, unicornd or leds0 (default: ${DEFAULT-VALUE}).")
    String panel = "auto";

    @Option(
            names = "--rotation",
            paramLabel = "DEG",
            description = "How the HAT is mounted: 0, 90, 180 or 270 (default: ${DEFAULT-VALUE}).")
    int rotation;

    @Option(
            names = "--spi-speed",
            paramLabel = "HZ",
            description = "SPI clock for the SPI HATs; 0 for the HAT's default (9 MHz HD, 600 kHz Mini).")
    int spiSpeed;

    @Option(
            names = "--unicornd-socket",
            paramLabel = "PATH",
            description = "unicornd's socket (default: ${DEFAULT-VALUE}).")
    Path unicorndSocket = UnicorndPanel.DEFAULT_SOCKET;

    @Option(
            names = "--leds-device",
            paramLabel = "PATH",
            description = "The Pi 5 WS2812 device (default: ${DEFAULT-VALUE}).")
    Path ledsDevice = Leds0Panel.DEFAULT_DEVICE;
}
