package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.display.panel.PanelKind;
import dev.onair.display.panel.Rotation;
import dev.onair.display.panel.VirtualPanel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelChooserTest {
    @TempDir
    Path dir;

    private PanelSettings settings() {
        return new PanelSettings(PanelKind.AUTO, Rotation.R0, 0, dir.resolve("unicornd.socket"), dir.resolve("leds0"));
    }

    @Test
    void hatEeprom_namesTheHat() throws Exception {
        Path product = dir.resolve("product");
        Files.write(product, "Unicorn HAT Mini\0".getBytes());

        assertThat(new PanelChooser(product).detect(settings())).isEqualTo(PanelKind.HAT_MINI);
    }

    @Test
    void pi5LedDevice_isTheOriginalHat() throws Exception {
        Files.createFile(dir.resolve("leds0"));

        assertThat(new PanelChooser(dir.resolve("no-eeprom")).detect(settings()))
                .isEqualTo(PanelKind.LEDS0);
    }

    @Test
    void unicorndSocket_isTheOriginalHatOnOlderPis() throws Exception {
        Files.createFile(dir.resolve("unicornd.socket"));

        assertThat(new PanelChooser(dir.resolve("no-eeprom")).detect(settings()))
                .isEqualTo(PanelKind.UNICORND);
    }

    @Test
    void nothingFound_isTheVirtualPanel() {
        PanelChooser chooser = new PanelChooser(dir.resolve("no-eeprom"));

        assertThat(chooser.detect(settings())).isEqualTo(PanelKind.VIRTUAL);
        assertThat(chooser.create(settings())).isInstanceOf(VirtualPanel.class);
    }
}
