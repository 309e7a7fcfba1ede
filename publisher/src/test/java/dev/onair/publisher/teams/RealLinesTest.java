package dev.onair.publisher.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: every line shape Teams writes today, read from real lines (src/test/resources/teams/real names the source
 * of each) through {@link TeamsLogState}, the parser the publisher runs.
 */
class RealLinesTest {
    @Test
    void blocks2026WithoutUserId_german_areAPresenceAndAnUnreadCount() {
        TeamsLogState state = RealLines.read(TeamsClient.NEW, "new-teams-2026-blocks-only.log");

        assertThat(state.presence()).contains(TeamsPresence.DO_NOT_DISTURB);
        assertThat(state.unread()).isZero();
    }

    @Test
    void blocksWithAndWithoutUserId_eachLineIsRead() {
        List<String> lines = RealLines.of("new-teams-blocks.log");
        assertThat(lines).hasSize(4);
        assertThat(lines.stream()
                        .map(l -> TeamsLogState.presenceIn(l, TeamsClient.NEW).orElseThrow()))
                .containsExactly(
                        TeamsPresence.AVAILABLE, TeamsPresence.AVAILABLE, TeamsPresence.BUSY, TeamsPresence.AVAILABLE);
        assertThat(RealLines.read(TeamsClient.NEW, "new-teams-blocks.log").unread())
                .isEqualTo(1);
    }

    @Test
    void germanSession_withoutBraces_badgeActionAndBlocksAreRead() {
        List<String> lines = RealLines.of("new-teams-2026.log");
        assertThat(TeamsLogState.presenceIn(lines.get(0), TeamsClient.NEW)).contains(TeamsPresence.AVAILABLE);
        assertThat(TeamsLogState.presenceIn(lines.get(1), TeamsClient.NEW)).contains(TeamsPresence.DO_NOT_DISTURB);

        TeamsLogState state = RealLines.read(TeamsClient.NEW, "new-teams-2026.log");
        assertThat(state.presence()).contains(TeamsPresence.DO_NOT_DISTURB);
        assertThat(state.unread()).isZero();
    }

    @Test
    void numericBadge_givesTheCount_andTheStatusFromTheTrailingText() {
        List<String> lines = RealLines.of("new-teams-badges.log");
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);

        state.accept(lines.get(0));
        assertThat(state.presence()).contains(TeamsPresence.AVAILABLE);
        assertThat(state.unread()).isEqualTo(2);

        state.accept(lines.get(1));
        assertThat(state.presence()).contains(TeamsPresence.BUSY);

        state.accept(lines.get(2)); // a glyph badge: the status; the count stays what the last count said
        assertThat(state.presence()).contains(TeamsPresence.BUSY);
        assertThat(state.unread()).isEqualTo(2);
    }

    @Test
    void taskbarOverlay_statusText_isRead() {
        assertThat(RealLines.of("new-teams-overlay.log").stream()
                        .map(l -> TeamsLogState.presenceIn(l, TeamsClient.NEW).orElseThrow()))
                .containsExactly(TeamsPresence.AVAILABLE, TeamsPresence.AWAY, TeamsPresence.DO_NOT_DISTURB);
    }

    @Test
    void stuckCall_idlessDuplicatesAndADeclinedRing_endWithTheMeeting() {
        List<String> lines = RealLines.of("new-teams-stuck-call.log");
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        for (int i = 0; i < lines.size(); i++) {
            state.accept(lines.get(i));
            boolean meetingRuns = i < 5; // lines 0-4: the meeting, its duplicates, the ring and its decline
            assertThat(state.inCall()).as("after line %d: %s", i, lines.get(i)).isEqualTo(meetingRuns);
        }
    }

    @Test
    void stuckCall_trackerEndAlone_endsTheCall() {
        List<String> lines = RealLines.of("new-teams-stuck-call.log");
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        state.accept(lines.get(2)); // id-less first: legacy ...
        state.accept(lines.get(0)); // ... superseded by the id'd line of the same batch
        state.accept(lines.get(1));
        state.accept(lines.get(6)); // only "CallEnded fired: <id>"

        assertThat(state.inCall()).isFalse();
    }

    @Test
    void reportCallAcceptedAndEnded_startAndEndACall() {
        List<String> lines = RealLines.of("new-teams-report-calls.log");
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);

        state.accept(lines.get(0));
        assertThat(state.inCall()).isTrue();
        state.accept(lines.get(1));
        assertThat(state.inCall()).isFalse();
    }

    @Test
    void twoAccounts_slotsThatDisagree_areIgnored_andTheLastGoodStateStays() {
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        RealLines.of("new-teams-2026.log").forEach(state::accept); // do_not_disturb, unread 0
        RealLines.of("new-teams-two-accounts.log").forEach(state::accept);

        // Busy and PresenceUnknown: the signed-out slot does not count, so Busy is the one account that knows.
        assertThat(state.presence()).contains(TeamsPresence.BUSY);
        assertThat(state.unread()).isEqualTo(1);
    }

    @Test
    void twoAccounts_userIdChosen_followsOnlyThatAccountsSlot() {
        TeamsAccount mine = new TeamsAccount("118c7aa5-4e0a-4276-9cd5-68e8e9ea9ede");
        TeamsLogState state = RealLines.read(TeamsClient.NEW, mine, "new-teams-older-with-user-id.log");
        assertThat(state.presence()).contains(TeamsPresence.BUSY);

        RealLines.of("new-teams-blocks.log").forEach(state::accept); // other ids, or none: not this account
        assertThat(state.presence()).contains(TeamsPresence.BUSY);
    }

    @Test
    void personalAccount_chosen_followsTeamsLiveCom_only() {
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW, TeamsAccount.PERSONAL);
        RealLines.of("new-teams-2026.log").stream()
                .filter(l -> l.contains("UserPresenceAction"))
                .forEach(state::accept);

        assertThat(state.presence()).isEmpty();
    }

    @Test
    void classicMidCall_machineStateAlone_isACall_untilA3() {
        List<String> lines = RealLines.of("classic-mid-call.txt");
        TeamsLogState state = new TeamsLogState(TeamsClient.CLASSIC);

        state.accept(lines.get(0)); // a::1
        assertThat(state.inCall()).isTrue();
        state.accept(lines.get(1)); // a::0, screen share
        assertThat(state.inCall()).isTrue();
        state.accept(lines.get(2)); // a::4, unknown: ignored, the call stays
        assertThat(state.inCall()).isTrue();
        state.accept(lines.get(3)); // a::3
        assertThat(state.inCall()).isFalse();
    }

    @Test
    void classicMidCall_onThePhoneAlone_isACall() {
        TeamsLogState state = RealLines.read(TeamsClient.CLASSIC, "classic-on-the-phone.txt");

        assertThat(state.presence()).contains(TeamsPresence.ON_THE_PHONE);
        assertThat(state.inCall()).isTrue();
    }

    @Test
    void classicOverlay_german_isRead() {
        TeamsLogState state = RealLines.read(TeamsClient.CLASSIC, "classic-localized.txt");

        assertThat(state.presence()).contains(TeamsPresence.DO_NOT_DISTURB);
    }

    @Test
    void unknownToken_inAKnownShape_isIgnored_andTheLastGoodStateStays() {
        List<String> blocks = RealLines.of("new-teams-2026-blocks-only.log");
        TeamsLogState state = new TeamsLogState(TeamsClient.NEW);
        state.accept(blocks.get(0));

        state.accept(blocks.get(0).replace("DoNotDisturb", "Hibernating"));
        state.accept(RealLines.of("new-teams-badges.log").get(0).replace("status Available", "status Schläft"));

        assertThat(state.presence()).contains(TeamsPresence.DO_NOT_DISTURB);
        assertThat(state.unread()).isZero();
    }

    @Test
    void unknownTokens_areReportedOncePerToken_andBounded() {
        UnknownTokens tokens = new UnknownTokens();
        assertThat(tokens.report("NumericBadge", "Schläft")).isTrue();
        assertThat(tokens.report("NumericBadge", "Schläft")).isFalse();
        assertThat(tokens.report("machineState", "a::4")).isTrue();
        for (int i = 0; i < UnknownTokens.MAX_REMEMBERED * 2; i++) {
            tokens.report("x", "t" + i);
        }
        assertThat(tokens.report("x", "one more")).isFalse();
    }
}
