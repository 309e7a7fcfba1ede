package dev.onair.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.PayloadException.Reason;
import dev.onair.protocol.presence.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OverrideCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"available", "busy", "do_not_disturb", "be_right_back", "away", "offline"})
    void parse_bareStatusAsHomeAssistantSends_isAnOverrideUntilCleared(String word) throws PayloadException {
        OverrideCommand c = OverrideCommand.parse(bytes(word));
        assertThat(c.status()).isEqualTo(Status.fromWire(word));
        assertThat(c.duration()).isNull();
    }

    @Test
    void parse_auto_clears() throws PayloadException {
        assertThat(OverrideCommand.parse(bytes("auto")).isAuto()).isTrue();
        assertThat(OverrideCommand.parse(bytes(" auto\n")).isAuto()).isTrue();
        assertThat(OverrideCommand.parse(bytes("{\"status\":\"auto\"}")).isAuto())
                .isTrue();
    }

    @Test
    void parse_jsonWithDuration() throws PayloadException {
        OverrideCommand c = OverrideCommand.parse(bytes("{\"status\":\"do_not_disturb\",\"for\":\"PT30M\"}"));
        assertThat(c).isEqualTo(OverrideCommand.of(Status.DO_NOT_DISTURB, Duration.ofMinutes(30)));
    }

    @Test
    void toJson_roundTrips() throws PayloadException {
        OverrideCommand c = OverrideCommand.of(Status.BUSY, Duration.ofSeconds(90));
        assertThat(new String(c.toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"busy\",\"for\":\"PT1M30S\"}");
        assertThat(OverrideCommand.parse(c.toJson())).isEqualTo(c);
        assertThat(OverrideCommand.parse(OverrideCommand.auto().toJson())).isEqualTo(OverrideCommand.auto());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                unknown|UNKNOWN_VALUE
                Busy|UNKNOWN_VALUE
                on fire|UNKNOWN_VALUE
                ''|UNKNOWN_VALUE
                {"status":"busy","for":"30m"}|INVALID_VALUE
                {"status":"busy","for":"-PT5M"}|INVALID_VALUE
                {"status":"busy","for":"P106751991167300D"}|INVALID_VALUE
                {"status":"busy","for":"P367D"}|INVALID_VALUE
                {"status":"auto","for":"PT5M"}|INVALID_VALUE
                {"status":7}|WRONG_TYPE
                {"for":"PT5M"}|MISSING_FIELD
                {"status":|NOT_JSON
                """)
    void parse_invalidCommand_isATypedError(String payload, Reason reason) {
        assertThatThrownBy(() -> OverrideCommand.parse(bytes(payload)))
                .isInstanceOfSatisfying(
                        PayloadException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void duration_upToTheContractsLimit_isTaken_andBeyondItNamesTheLimit() throws PayloadException {
        assertThat(OverrideCommand.parse(bytes("{\"status\":\"away\",\"for\":\"P366D\"}"))
                        .duration())
                .isEqualTo(OverrideCommand.MAX_DURATION);
        assertThatThrownBy(() -> OverrideCommand.parse(bytes("{\"status\":\"busy\",\"for\":\"P106751991167300D\"}")))
                .hasMessageContaining("'for'")
                .hasMessageContaining("P366D");
        assertThatThrownBy(() -> OverrideCommand.of(Status.BUSY, Duration.ofDays(367)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P366D");
    }

    @Test
    void parse_oversizedCommand_isRejected() {
        assertThatThrownBy(() -> OverrideCommand.parse(bytes("busy" + " ".repeat(300))))
                .isInstanceOfSatisfying(
                        PayloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
