package dev.onair.display;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;
import dev.onair.display.hat.HatHdPanel;
import dev.onair.display.hat.HatMiniPanel;
import dev.onair.display.hat.Leds0Panel;
import dev.onair.display.hat.SpiBus;
import dev.onair.display.hat.UnicorndPanel;
import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Panel;
import dev.onair.display.panel.PanelKind;
import dev.onair.display.panel.VirtualPanel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configured panel; for {@code auto}, finds the HAT from its ID EEPROM ({@code /proc/device-tree/hat}), the
 * Pi 5 LED device or the unicornd socket, and falls back to the virtual panel when there is none.
 */
final class PanelChooser {
    private static final Logger log = LoggerFactory.getLogger(PanelChooser.class);
    static final Path HAT_PRODUCT = Path.of("/proc/device-tree/hat/product");
    private static final Path SPIDEV = Path.of("/dev/spidev0.0");

    private final Path hatProduct;

    PanelChooser(Path hatProduct) {
        this.hatProduct = hatProduct;
    }

    PanelChooser() {
        this(HAT_PRODUCT);
    }

    Panel create(PanelSettings settings) {
        PanelKind kind = settings.kind() == PanelKind.AUTO ? detect(settings) : settings.kind();
        return switch (kind) {
            case HAT_HD, HAT_MINI -> spiPanel(kind, settings);
            case UNICORND -> new UnicorndPanel(settings.unicorndSocket(), settings.rotation());
            case LEDS0 -> new Leds0Panel(settings.ledsDevice(), settings.rotation());
            default -> new VirtualPanel();
        };
    }

    PanelKind detect(PanelSettings settings) {
        String product = hatProduct();
        if (product.contains("Unicorn HAT HD")) {
            return PanelKind.HAT_HD;
        }
        if (product.contains("Unicorn HAT Mini")) {
            return PanelKind.HAT_MINI;
        }
        if (Files.exists(settings.ledsDevice())) {
            return PanelKind.LEDS0;
        }
        if (Files.exists(settings.unicorndSocket())) {
            return PanelKind.UNICORND;
        }
        if (!product.isEmpty()) {
            log.warn("HAT '{}' is not a panel OnAir knows; using the virtual panel (see --panel)", product);
        } else if (Files.exists(SPIDEV)) {
            // The SPI HATs carry no ID EEPROM that says which they are; SPI being on is only a hint.
            log.info("No HAT identified, but SPI is on: for a Unicorn HAT HD or Mini use --panel hat-hd or hat-mini;"
                    + " showing the panel on the dashboard only");
        } else {
            log.info("No HAT found; the panel is shown on the dashboard only (choose one with --panel)");
        }
        return PanelKind.VIRTUAL;
    }

    private String hatProduct() {
        try {
            return Files.exists(hatProduct)
                    ? new String(Files.readAllBytes(hatProduct), StandardCharsets.US_ASCII)
                            .replace("\0", "")
                            .trim()
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static Panel spiPanel(PanelKind kind, PanelSettings settings) {
        // Only the linuxfs SPI provider: no native library, no platform detection, nothing but /dev/spidev0.N.
        Context pi4j = Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(LinuxFsSpiProvider.newInstance())
                .build();
        SpiBus bus = SpiBus.linuxfs(pi4j);
        Panel panel = kind == PanelKind.HAT_HD
                ? new HatHdPanel(bus, settings.rotation(), settings.speedFor(kind))
                : new HatMiniPanel(bus, settings.rotation(), settings.speedFor(kind));
        return new ContextPanel(panel, pi4j);
    }

    /** A Pi4J panel that also shuts its Pi4J context down when closed. */
    private record ContextPanel(Panel panel, Context pi4j) implements Panel {
        @Override
        public int width() {
            return panel.width();
        }

        @Override
        public int height() {
            return panel.height();
        }

        @Override
        public void open() throws IOException {
            panel.open();
        }

        @Override
        public void show(Frame frame, int brightness) throws IOException {
            panel.show(frame, brightness);
        }

        @Override
        public void close() {
            panel.close();
            try {
                pi4j.shutdown();
            } catch (RuntimeException e) {
                log.debug("Pi4J shutdown: {}", e.toString());
            }
        }

        @Override
        public String describe() {
            return panel.describe();
        }
    }
}
