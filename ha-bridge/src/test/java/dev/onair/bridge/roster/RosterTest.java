package dev.onair.bridge.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.bridge.NodeName;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.TopicRef.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> changes = new ArrayList<>();
    private final Roster roster = new Roster(
            List.of(NodeName.parse("zoe=Zoe Z")),
            List.of(),
            true,
            Duration.ofHours(1),
            clock,
            (name, before, after) -> changes.add(name + ":" + before.status() + "->" + after.status()));

    @Test
    void listedPerson_isAMemberBeforePublishing_withItsName() {
        assertThat(roster.members()).containsExactly(new Member(Kind.PERSON, "zoe", "Zoe Z"));
    }

    @Test
    void discoveredPerson_isAMember_untilItsPresenceIsCleared() throws Exception {
        roster.presence("alice", presence("alice", Status.BUSY, T0));
        assertThat(roster.members()).contains(new Member(Kind.PERSON, "alice", "alice"));

        roster.presence("alice", new byte[0]);

        assertThat(roster.members()).extracting(Member::id).containsExactly("zoe");
    }

    @Test
    void offlineAndSilentLongerThanGoneAfter_leaves_butOnlineNeverDoes() throws Exception {
        roster.presence("alice", presence("alice", Status.BUSY, T0));
        roster.availability(Kind.PERSON, "alice", "online".getBytes(StandardCharsets.UTF_8));
        clock.now = T0.plus(Duration.ofHours(5));
        assertThat(roster.members()).extracting(Member::id).contains("alice");

        roster.availability(Kind.PERSON, "alice", "offline".getBytes(StandardCharsets.UTF_8));
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(roster.members()).extracting(Member::id).contains("alice");
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(roster.members()).extracting(Member::id).doesNotContain("alice");

        roster.presence("alice", presence("alice", Status.AVAILABLE, clock.now));
        assertThat(roster.members()).extracting(Member::id).contains("alice");
    }

    @Test
    void retainedPresenceOfSomeoneLongGone_isNeverAMember() throws Exception {
        clock.now = T0.plus(Duration.ofDays(3));
        roster.availability(Kind.PERSON, "bob", "offline".getBytes(StandardCharsets.UTF_8));
        roster.presence("bob", presence("bob", Status.OFFLINE, T0));
        assertThat(roster.members()).extracting(Member::id).doesNotContain("bob");
    }

    @Test
    void statusChange_isReported_butNotTheFirstSightOrAnIdenticalRedelivery() throws Exception {
        byte[] busy = presence("alice", Status.BUSY, T0);
        roster.presence("alice", busy);
        roster.presence("alice", busy);
        roster.presence("alice", presence("alice", Status.AWAY, T0.plusSeconds(60)));
        assertThat(changes).containsExactly("alice:busy->away");
    }

    @Test
    void presenceForAnotherPerson_isRejected() {
        assertThatThrownBy(() -> roster.presence("alice", presence("bob", Status.BUSY, T0)))
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("bob");
    }

    @Test
    void availabilityAlone_announcesNobody() {
        roster.availability(Kind.DISPLAY, "kitchen", "online".getBytes(StandardCharsets.UTF_8));
        assertThat(roster.members()).extracting(Member::id).containsExactly("zoe");
    }

    private static byte[] presence(String person, Status status, Instant since) {
        return PresenceCodec.encode(
                new Presence(person, status, Activity.of(status), since, "teams-log", true, false, null));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
