package dev.onair.protocol.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.PayloadException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LightTest {
    private static final LightState RED = new LightState(true, 128, new Rgb(255, 0, 0), LightState.EFFECT_PRESENCE);

    @Test
    void state_writesTheContractSection5Example() {
        assertThat(new String(RED.toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"state\":\"ON\",\"brightness\":128,\"color_mode\":\"rgb\","
                        + "\"color\":{\"r\":255,\"g\":0,\"b\":0},\"effect\":\"presence\"}");
    }

    @Test
    void state_roundTrips() throws PayloadException {
        assertThat(LightState.parse(RED.toJson())).isEqualTo(RED);
    }

    @Test
    void command_asHomeAssistantSendsIt_ignoresTransitionAndFlash() throws PayloadException {
        LightCommand c = LightCommand.parse(
                bytes(
                        "{\"state\":\"ON\",\"brightness\":40,\"color\":{\"r\":1,\"g\":2,\"b\":3},\"transition\":2,\"flash\":\"short\"}"));
        assertThat(c).isEqualTo(new LightCommand(true, 40, new Rgb(1, 2, 3), null));
    }

    @Test
    void apply_changesOnlyWhatTheCommandNames() {
        assertThat(RED.apply(new LightCommand(false, null, null, null)))
                .isEqualTo(new LightState(false, 128, new Rgb(255, 0, 0), "presence"));
        assertThat(RED.apply(new LightCommand(null, 10, null, null)))
                .isEqualTo(new LightState(true, 10, new Rgb(255, 0, 0), "presence"));
        assertThat(RED.apply(new LightCommand(null, null, null, "rainbow")).effect())
                .isEqualTo("rainbow");
    }

    @Test
    void apply_colourAlone_selectsSolidAndTurnsOn() {
        LightState off = new LightState(false, 128, new Rgb(255, 0, 0), "presence");
        assertThat(off.apply(new LightCommand(null, null, new Rgb(0, 0, 255), null)))
                .isEqualTo(new LightState(true, 128, new Rgb(0, 0, 255), LightState.EFFECT_SOLID));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                {"state":"on"}|INVALID_VALUE
                {"brightness":256}|INVALID_VALUE
                {"brightness":-1}|INVALID_VALUE
                {"brightness":"high"}|WRONG_TYPE
                {"brightness":1.5}|WRONG_TYPE
                {"color":"red"}|WRONG_TYPE
                {"color":{"r":255,"g":0}}|MISSING_FIELD
                {"color":{"r":300,"g":0,"b":0}}|INVALID_VALUE
                {"effect":"strobe"}|UNKNOWN_VALUE
                {"transition":2}|INVALID_VALUE
                {}|INVALID_VALUE
                OFF|NOT_JSON
                []|NOT_AN_OBJECT
                """)
    void command_invalid_isATypedError(String payload, Reason reason) {
        assertThatThrownBy(() -> LightCommand.parse(bytes(payload)))
                .isInstanceOfSatisfying(
                        PayloadException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void rgb_parsesAndWritesHex() {
        assertThat(Rgb.parseHex("#800080")).isEqualTo(new Rgb(128, 0, 128));
        assertThat(Rgb.parseHex("00ff00").toHex()).isEqualTo("#00FF00");
        assertThat(new Rgb(255, 128, 0).scaled(128)).isEqualTo(new Rgb(128, 64, 0));
        assertThatThrownBy(() -> Rgb.parseHex("#12345")).hasMessageContaining("#RRGGBB");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
