package dev.onair.publisher.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.PayloadException.Reason;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.presence.Detection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerShellStatusTest {
    @Test
    void read_thePushClientsBody() throws PayloadException {
        Detection d = read("{\"availability\":\"Busy\",\"activity\":\"Busy\",\"color\":\"#FF0000\","
                + "\"timestamp\":\"2026-11-22T10:00:00.1234567+01:00\"}");

        assertThat(d).isEqualTo(new Detection(Status.BUSY, Activity.BUSY, "http-push", null, false));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "DoNotDisturb, Presenting, do_not_disturb, presenting, true",
        "Busy, InACall, busy, in_a_call, true",
        "Busy, In a call, busy, in_a_call, true",
        "Available, Not in a call, available, available, false",
        "AvailableIdle, Available, available, available, false",
        "BeRightBack, BeRightBack, be_right_back, be_right_back, false",
        "Offline, Offline, offline, offline, false",
        "PresenceUnknown, PresenceUnknown, unknown, unknown, false"
    })
    void read_mapsTeamsWords(String availability, String activity, String status, String act, boolean inCall)
            throws PayloadException {
        Detection d = read("{\"availability\":\"" + availability + "\",\"activity\":\"" + activity + "\"}");

        assertThat(d.status()).isEqualTo(Status.fromWire(status));
        assertThat(d.activity()).isEqualTo(Activity.fromWire(act));
        assertThat(d.inCall()).isEqualTo(inCall);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NOT_JSON|not json",
                "NOT_JSON|{\"availability\":",
                "NOT_AN_OBJECT|[\"Busy\"]",
                "MISSING_FIELD|{\"activity\":\"Busy\"}",
                "WRONG_TYPE|{\"availability\":3}",
                "INVALID_VALUE|{\"availability\":\"Sleepy\"}",
                "INVALID_VALUE|{\"availability\":\"Busy\",\"activity\":\"Juggling\"}",
                "WRONG_TYPE|{\"availability\":\"Busy\",\"timestamp\":12}",
                "NOT_JSON|{\"availability\":\"Busy\",\"availability\":\"Away\"}"
            })
    void read_badBodies_sayWhy(Reason reason, String body) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOf(PayloadException.class)
                .satisfies(e -> assertThat(((PayloadException) e).reason()).isEqualTo(reason));
    }

    @Test
    void read_tooLarge_isRefused() {
        String body = "{\"availability\":\"Busy\",\"pad\":\"" + "x".repeat(PowerShellStatus.MAX_BYTES) + "\"}";
        assertThatThrownBy(() -> read(body))
                .satisfies(e -> assertThat(((PayloadException) e).reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void write_usesPascalCaseLikeThePowerShellServer() {
        Instant now = Instant.parse("2026-11-22T09:00:00Z");
        Presence p = new Presence("alice", Status.BUSY, Activity.IN_A_CALL, now, "teams-log", true, true, null);

        assertThat(new String(PowerShellStatus.write(p, now), StandardCharsets.UTF_8))
                .isEqualTo("{\"availability\":\"Busy\",\"activity\":\"InACall\",\"color\":\"#FF0000\","
                        + "\"timestamp\":\"2026-11-22T09:00:00Z\",\"person\":\"alice\","
                        + "\"since\":\"2026-11-22T09:00:00Z\",\"source\":\"teams-log\"}");
        assertThat(new String(PowerShellStatus.write(null, now), StandardCharsets.UTF_8))
                .startsWith("{\"availability\":\"PresenceUnknown\",\"activity\":\"PresenceUnknown\"");
    }

    @Test
    void color_teamsPresenting_isThePanelsDoNotDisturbPurple_notCallRed() {
        // Teams' Presenting is do_not_disturb + presenting: the panel shows do_not_disturb, and so must GET /status.
        assertThat(PowerShellStatus.color(Status.DO_NOT_DISTURB, Activity.PRESENTING))
                .isEqualTo("#800080");
        assertThat(PowerShellStatus.color(Status.BUSY, Activity.PRESENTING)).isEqualTo("#FF0000");
    }

    private static Detection read(String body) throws PayloadException {
        return PowerShellStatus.read(body.getBytes(StandardCharsets.UTF_8), "http-push");
    }
}
