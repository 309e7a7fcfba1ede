package dev.onair.publisher.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserConfigDirTest {
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void windows_isAppDataOnAir() {
        assertThat(UserConfigDir.of("Windows 11", Map.of("APPDATA", "/c/Users/alice/AppData/Roaming"), HOME))
                .isEqualTo(Path.of("/c/Users/alice/AppData/Roaming", "OnAir"));
        assertThat(UserConfigDir.of("Windows 11", Map.of(), HOME)).isEqualTo(HOME.resolve("AppData/Roaming/OnAir"));
    }

    @Test
    void mac_isApplicationSupport() {
        assertThat(UserConfigDir.of("Mac OS X", Map.of(), HOME))
                .isEqualTo(HOME.resolve("Library/Application Support/OnAir"));
    }

    @Test
    void linux_honoursAnAbsoluteXdgConfigHome_only() {
        assertThat(UserConfigDir.of("Linux", Map.of(), HOME)).isEqualTo(HOME.resolve(".config/onair"));
        assertThat(UserConfigDir.of("Linux", Map.of("XDG_CONFIG_HOME", "/data/conf"), HOME))
                .isEqualTo(Path.of("/data/conf/onair"));
        assertThat(UserConfigDir.of("Linux", Map.of("XDG_CONFIG_HOME", "relative"), HOME))
                .isEqualTo(HOME.resolve(".config/onair"));
        assertThat(UserConfigDir.configFile("Linux", Map.of(), HOME))
                .isEqualTo(HOME.resolve(".config/onair/publisher.yaml"));
    }
}
