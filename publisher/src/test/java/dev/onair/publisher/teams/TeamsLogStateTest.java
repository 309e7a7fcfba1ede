package dev.onair.publisher.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The line shapes of issue 3 and those public Teams-status projects parse, replayed through the parser. */
class TeamsLogStateTest {
    private static final String PREFIX = "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> ";

    @ParameterizedTest(name = "{0} -> {1}/{2}")
    @CsvSource({
        "Available, available, available",
        "AvailableIdle, available, available",
        "Busy, busy, busy",
        "BusyIdle, busy, busy",
        "DoNotDisturb, do_not_disturb, do_not_disturb",
        "BeRightBack, be_right_back, be_right_back",
        "Away, away, away",
        "Offline, offline, offline",
        "PresenceUnknown, unknown, unknown",
        "InACall, busy, in_a_call",
        "InAMeeting, busy, in_a_meeting",
        "Presenting, do_not_disturb, presenting",
        "Focusing, do_not_disturb, do_not_disturb",
        "OnThePhone, busy, in_a_call"
    })
    void userPresenceAction_everyToken_mapsPerContract(String token, String status, String activity) {
        TeamsPresence p = only(PREFIX + "native_modules::UserDataCrossCloudModule: Received Action: "
                + "UserPresenceAction: {cloud_context: https://teams.microsoft.com, availability: " + token + "}");

        assertThat(p.status()).isEqualTo(Status.fromWire(status));
        assertThat(p.activity()).isEqualTo(Activity.fromWire(activity));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Available, AVAILABLE",
        "Busy, BUSY",
        "DoNotDisturb, DO_NOT_DISTURB",
        "BeRightBack, BE_RIGHT_BACK",
        "Away, AWAY",
        "Offline, OFFLINE"
    })
    void userBlock_secondaryShape_isRead(String token, TeamsPresence expected) {
        assertThat(only(PREFIX + "{ user id :8:orgid:0f2e4c1a, availability: " + token
                        + ", unread notification count: 0 }"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "available, AVAILABLE, Available",
        "busy, BUSY, Busy",
        "doNotDistrb, DO_NOT_DISTURB, Nicht stören",
        "doNotDisturb, DO_NOT_DISTURB, Do not disturb",
        "away, AWAY, Abwesend",
        "beRightBack, BE_RIGHT_BACK, Bin gleich zurück",
        "offline, OFFLINE, Offline"
    })
    void glyphBadge_fallbackShape_readsTheGlyphNotTheLocalisedWord(String glyph, TeamsPresence expected, String word) {
        assertThat(only(PREFIX + "TaskbarBadgeServiceLegacy:Work: SetBadge Setting badge: GlyphBadge{\"" + glyph
                        + "\"}, overlay: No items, status " + word))
                .isEqualTo(expected);
    }

    @Test
    void personalAccount_teamsLiveCom_isIgnored() {
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        state.accept(PREFIX + "Received Action: UserPresenceAction: {cloud_context: https://teams.microsoft.com, "
                + "availability: Busy}");
        state.accept(PREFIX + "Received Action: UserPresenceAction: {cloud_context: https://teams.live.com, "
                + "availability: Available}");

        assertThat(state.presence()).contains(TeamsPresence.BUSY);
    }

    @Test
    void unrelatedLinesAndUnknownWords_changeNothing() {
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        state.accept(PREFIX + "UserPresenceAction: {cloud_context: https://teams.microsoft.com, availability: Busy}");
        state.accept(PREFIX + "SetBadge Setting badge: GlyphBadge{\"newActivity\"}, overlay: 3 items");
        state.accept(
                PREFIX + "UserPresenceAction: {cloud_context: https://teams.microsoft.com, availability: Sparkly}");
        state.accept("\uFFFD\uFFFD junk \u0000 availability: Away");
        state.accept("");

        assertThat(state.presence()).contains(TeamsPresence.BUSY);
    }

    @Test
    void newTeamsFixture_replayed_followsPresenceAndCalls() throws IOException {
        List<String> seen = replay("new-teams-session.log", TeamsClient.NEW);

        assertThat(seen)
                .containsExactly(
                        "none/false", // app launched
                        "Available/false",
                        "Available/false", // badge agrees
                        "Available/false", // personal account ignored
                        "DoNotDisturb/false",
                        "DoNotDisturb/false", // localised badge, DND glyph
                        "DoNotDisturb/true", // call starts
                        "Busy/true",
                        "Busy/true", // an incoming call rings
                        "Busy/true", // ... and is declined: the running call goes on
                        "Busy/false", // the running call ends
                        "Busy/false", // Teams' second end line for the same call
                        "Available/false"); // secondary block
    }

    @Test
    void classicFixture_replayed_followsPresenceAndCalls() throws IOException {
        List<String> seen = replay("classic-logs.txt", TeamsClient.CLASSIC);

        assertThat(seen)
                .containsExactly(
                        "Available/false",
                        "Available/false",
                        "Available/true",
                        "OnThePhone/true",
                        "OnThePhone/false",
                        "Busy/false", // NewActivity badge over Busy
                        "DoNotDisturb/false"); // English taskbar text
    }

    @Test
    void declinedIncomingCall_doesNotEndRunningCall() {
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        state.accept(
                PREFIX + "HfpVoipCallCoordinatorImpl: NotifyCallActive callId: d84becb7-4285-4d44-9d4d-e61364d07d11");
        state.accept(PREFIX
                + "HfpVoipCallCoordinatorImpl: reportIncomingCall for callId: c9158e4a-9792-4685-8671-30226038fa77");
        state.accept(
                PREFIX
                        + "HfpVoipCallCoordinatorImpl: NotifyCallEnded callId: c9158e4a-9792-4685-8671-30226038fa77causeId: bae9fd1b-aece-4163-a999-0db507f8de2c");
        state.accept(PREFIX + "TeamsCallTracker: CallEnded fired: c9158e4a-9792-4685-8671-30226038fa77");

        assertThat(state.inCall()).isTrue();

        state.accept(PREFIX + "TeamsCallTracker: CallEnded fired: d84becb7-4285-4d44-9d4d-e61364d07d11");
        assertThat(state.inCall()).isFalse();
    }

    @Test
    void twoCalls_endWhenTheLastOneEnds() {
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        state.accept("NotifyCallActive callId: 1");
        state.accept("NotifyCallActive callId: 2");
        state.accept("NotifyCallEnded callId: 1");
        assertThat(state.inCall()).isTrue();
        state.accept("NotifyCallEnded callId: 2");
        assertThat(state.inCall()).isFalse();
    }

    @Test
    void callWithoutId_isEndedByTheNextEndLine() {
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        state.accept("HfpVoipCallCoordinatorImpl: NotifyCallActive");
        assertThat(state.inCall()).isTrue();
        state.accept("TeamsCallTracker: CallEnded fired: 42");
        assertThat(state.inCall()).isFalse();
    }

    @Test
    void teamsStopped_endsCallsItNeverLoggedTheEndOf() {
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        state.accept("NotifyCallActive callId: d84becb7-4285-4d44-9d4d-e61364d07d11");
        state.teamsStopped();
        assertThat(state.inCall()).isFalse();
    }

    @Test
    void callId_gluedToCauseId_isCutAtTheGuid() {
        assertThat(TeamsLogState.callId(
                        "NotifyCallEnded callId: C9158E4A-9792-4685-8671-30226038fa77causeId: bae9fd1b"))
                .isEqualTo("c9158e4a-9792-4685-8671-30226038fa77");
        assertThat(TeamsLogState.callId("TeamsCallTracker: CallEnded fired: abc-1 more"))
                .isEqualTo("abc-1");
        assertThat(TeamsLogState.callId("NotifyCallEnded")).isNull();
    }

    private static TeamsPresence only(String line) {
        Optional<TeamsPresence> p = TeamsLogState.presenceIn(line, TeamsClient.NEW);
        assertThat(p).as("presence in %s", line).isPresent();
        return p.get();
    }

    private static List<String> replay(String fixture, TeamsClient client) throws IOException {
        TeamsLogState state = new TeamsLogState(client);
        List<String> seen = new ArrayList<>();
        try (InputStream in = TeamsLogStateTest.class.getResourceAsStream("/teams/" + fixture)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                state.accept(line);
                seen.add(state.presence().map(TeamsPresence::token).orElse("none") + "/" + state.inCall());
            }
        }
        return seen;
    }
}
