package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.display.panel.PanelKind;
import dev.onair.display.panel.Rotation;
import dev.onair.display.scene.Animation;
import dev.onair.display.scene.CameraMark;
import dev.onair.display.scene.Layout;
import dev.onair.display.scene.NightHours;
import dev.onair.protocol.light.Rgb;
import dev.onair.runtime.config.Cli;
import dev.onair.runtime.config.ConfigException;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayCommandTest {
    private static DisplayCommand parse(String... args) {
        DisplayCommand command = new DisplayCommand();
        Cli.commandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaults_areDisplayMainAutoPanelPort5000() {
        DisplayConfig config = parse().toConfig();

        assertThat(config.id()).isEqualTo("main");
        assertThat(config.panel().kind()).isEqualTo(PanelKind.AUTO);
        assertThat(config.web().port()).isEqualTo(5000);
        assertThat(config.web().apiKey()).isNull();
        assertThat(config.web().streamsPerAddress()).isEqualTo(WebSettings.DEFAULT_STREAMS_PER_ADDRESS);
        assertThat(config.brightness()).isEqualTo(128);
        assertThat(config.broker().address().host()).isEqualTo("localhost");
        assertThat(config.broker().address().port()).isEqualTo(8883);
    }

    @Test
    void everyOption_endsUpInTheConfig() {
        DisplayConfig config = parse(
                        "--id",
                        "kitchen",
                        "--broker",
                        "mqtt://127.0.0.1:1883",
                        "--panel",
                        "hat-mini",
                        "--rotation",
                        "180",
                        "--http-port",
                        "8080",
                        "--api-key",
                        "long-enough-key",
                        "--streams-per-address",
                        "3",
                        "--brightness",
                        "60",
                        "--night",
                        "22:00-07:00",
                        "--night-mode",
                        "off",
                        "--color",
                        "away=#FFA500",
                        "--animation",
                        "busy=ripple",
                        "--people",
                        "bob,alice",
                        "--layout",
                        "rotate",
                        "--rotate-seconds",
                        "3",
                        "--rainbow-seconds",
                        "0",
                        "--camera-border",
                        "#FFFFFF:2")
                .toConfig();

        assertThat(config.id()).isEqualTo("kitchen");
        assertThat(config.panel().kind()).isEqualTo(PanelKind.HAT_MINI);
        assertThat(config.panel().rotation()).isEqualTo(Rotation.R180);
        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.web().apiKey()).isEqualTo("long-enough-key");
        assertThat(config.web().streamsPerAddress()).isEqualTo(3);
        assertThat(config.brightness()).isEqualTo(60);
        assertThat(config.night().mode()).isEqualTo(NightHours.Mode.OFF);
        assertThat(config.night().contains(LocalTime.of(23, 0))).isTrue();
        assertThat(config.look().colour("away").toHex()).isEqualTo("#FFA500");
        assertThat(config.look().animation("busy")).isEqualTo(Animation.RIPPLE);
        assertThat(config.people()).containsExactly("bob", "alice");
        assertThat(config.layout()).isEqualTo(Layout.ROTATE);
        assertThat(config.rotateEvery()).hasSeconds(3);
        assertThat(config.startupRainbow()).isZero();
        assertThat(config.look().camera()).isEqualTo(new CameraMark(Rgb.parseHex("#FFFFFF"), 2));
    }

    @Test
    void cameraBorder_defaultsToOneRedPixel_andABadOneIsReported() {
        assertThat(parse().toConfig().look().camera()).isEqualTo(CameraMark.DEFAULT);
        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> parse("--camera-border", "red").toConfig());
        assertThat(e.errors()).anySatisfy(m -> assertThat(m).startsWith("--camera-border"));
    }

    @Test
    void badOptions_areAllReportedTogether() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> parse(
                                "--panel",
                                "lcd",
                                "--rotation",
                                "45",
                                "--brightness",
                                "300",
                                "--color",
                                "lunch=#FFFFFF",
                                "--animation",
                                "busy=wobble",
                                "--night",
                                "late",
                                "--id",
                                "Main Door")
                        .toConfig());

        List<String> errors = e.errors();
        assertThat(errors).anySatisfy(m -> assertThat(m).startsWith("--panel:").contains("'lcd'"));
        assertThat(errors)
                .anySatisfy(m -> assertThat(m).startsWith("--rotation:").contains("45"));
        assertThat(errors)
                .anySatisfy(m -> assertThat(m).startsWith("--brightness:").contains("300"));
        assertThat(errors).anySatisfy(m -> assertThat(m).startsWith("--color:").contains("'lunch'"));
        assertThat(errors)
                .anySatisfy(m -> assertThat(m).startsWith("--animation busy:").contains("'wobble'"));
        assertThat(errors).anySatisfy(m -> assertThat(m).startsWith("--night:").contains("'late'"));
        assertThat(errors).anySatisfy(m -> assertThat(m).startsWith("--id:").contains("'Main Door'"));
    }

    @Test
    void shortApiKey_isRefused() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> parse("--api-key", "123").toConfig());

        assertThat(e.errors()).containsExactly("--api-key: the API key must be at least 8 characters");
    }

    @Test
    void history_defaultsToTheDataFolder400DaysAndTheSystemZone_andEachOptionIsTaken() {
        DisplayConfig defaults = parse().toConfig();
        assertThat(defaults.history().file()).isEqualTo(java.nio.file.Path.of("data", "onair-history.db"));
        assertThat(defaults.history().retentionDays()).isEqualTo(400);
        assertThat(defaults.history().zone()).isEqualTo(java.time.ZoneId.systemDefault());

        DisplayConfig config = parse(
                        "--data", "/var/lib/onair/history", "--history-days", "30", "--zone", "Europe/Berlin")
                .toConfig();
        assertThat(config.history().file()).isEqualTo(java.nio.file.Path.of("/var/lib/onair/history/onair-history.db"));
        assertThat(config.history().retentionDays()).isEqualTo(30);
        assertThat(config.history().zone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
    }

    @Test
    void badHistoryOptions_areReportedTogether() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> parse("--history-days", "0", "--zone", "Mars/Olympus").toConfig());

        assertThat(e.getMessage())
                .contains("--history-days: 0 must be at least 1")
                .contains("--zone: 'Mars/Olympus' is not a time zone");
    }
}
