package dev.onair.publisher.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overrides, working hours and change detection, on a clock the test moves: no waiting. */
class PresenceEngineTest {
    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Detection BUSY_IN_CALL =
            new Detection(Status.BUSY, Activity.IN_A_CALL, "teams-log", true, true);
    private static final Detection AVAILABLE =
            new Detection(Status.AVAILABLE, Activity.AVAILABLE, "teams-log", true, false);

    private final MutableClock clock = new MutableClock(MONDAY_10);
    private final List<Presence> published = new ArrayList<>();

    private PresenceEngine engine(WorkingHours hours) {
        return new PresenceEngine("alice", "teams-log", clock, hours, published::add);
    }

    @Test
    void detection_isPublishedOnlyWhenSomethingChanges() {
        PresenceEngine engine = engine(null);
        engine.detected(BUSY_IN_CALL);
        clock.advance(Duration.ofMinutes(1));
        engine.detected(BUSY_IN_CALL);
        engine.refresh();

        assertThat(published).hasSize(1);
        assertThat(published.get(0))
                .isEqualTo(new Presence(
                        "alice", Status.BUSY, Activity.IN_A_CALL, MONDAY_10, "teams-log", true, true, null));
    }

    @Test
    void unreadAndMedia_arePublished_andKeptUnderAnOverride() {
        PresenceEngine engine = engine(null);
        engine.detected(new Detection(Status.BUSY, Activity.BUSY, "teams-log", true, false, 3));
        engine.media(new MediaUse(true, null));
        engine.override(OverrideCommand.of(Status.DO_NOT_DISTURB, null));
        engine.media(new MediaUse(true, null)); // the same: nothing to publish

        assertThat(published).hasSize(3);
        Presence last = published.get(2);
        assertThat(last.source()).isEqualTo("override");
        assertThat(last.unread()).isEqualTo(3);
        assertThat(last.camera()).isTrue();
        assertThat(last.mic()).isNull();
    }

    @Test
    void displayName_isInEveryPresence_overridesAndScheduleIncluded() {
        PresenceEngine engine = new PresenceEngine("alice", "Alice Smith", "teams-log", clock, null, published::add);
        engine.detected(BUSY_IN_CALL);
        engine.override(OverrideCommand.of(Status.AVAILABLE, Duration.ofMinutes(15)));

        assertThat(published).hasSize(2).extracting(Presence::name).containsOnly("Alice Smith");
    }

    @Test
    void since_movesOnlyWhenTheStatusChanges() {
        PresenceEngine engine = engine(null);
        engine.detected(BUSY_IN_CALL);
        clock.advance(Duration.ofMinutes(5));
        engine.detected(new Detection(Status.BUSY, Activity.BUSY, "teams-log", true, false));
        clock.advance(Duration.ofMinutes(5));
        engine.detected(AVAILABLE);

        assertThat(published)
                .extracting(Presence::since)
                .containsExactly(MONDAY_10, MONDAY_10, MONDAY_10.plus(Duration.ofMinutes(10)));
    }

    /** An end past what an Instant holds must leave the engine as it was, not half overridden. */
    @Test
    void override_endingPastTheEndOfTime_isRefused_andChangesNothing() {
        clock.set(Instant.MAX.minus(Duration.ofDays(1)));
        PresenceEngine engine = engine(null);
        engine.detected(AVAILABLE);
        Presence before = engine.current();

        Presence after = engine.override(OverrideCommand.of(Status.BUSY, Duration.ofDays(2)));

        assertThat(after).isEqualTo(before);
        assertThat(engine.current()).isEqualTo(before);
        assertThat(engine.nextChange()).isEmpty();
        assertThat(published).containsExactly(before);
    }

    @Test
    void override_withDuration_winsUntilItExpires_thenFallsBackToDetected() {
        PresenceEngine engine = engine(null);
        engine.detected(AVAILABLE);

        engine.override(OverrideCommand.of(Status.DO_NOT_DISTURB, Duration.ofMinutes(30)));
        Presence overridden = engine.current();
        assertThat(overridden.status()).isEqualTo(Status.DO_NOT_DISTURB);
        assertThat(overridden.activity()).isEqualTo(Activity.DO_NOT_DISTURB);
        assertThat(overridden.source()).isEqualTo("override");
        assertThat(overridden.overrideUntil()).isEqualTo(MONDAY_10.plus(Duration.ofMinutes(30)));
        assertThat(overridden.teamsRunning()).isTrue();
        assertThat(engine.nextChange()).contains(MONDAY_10.plus(Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(29));
        engine.detected(BUSY_IN_CALL);
        assertThat(engine.current().status()).isEqualTo(Status.DO_NOT_DISTURB);

        clock.advance(Duration.ofMinutes(1));
        engine.refresh();
        assertThat(engine.current().status()).isEqualTo(Status.BUSY);
        assertThat(engine.current().source()).isEqualTo("teams-log");
        assertThat(engine.current().overrideUntil()).isNull();
        assertThat(engine.nextChange()).isEmpty();
    }

    @Test
    void override_withoutDuration_lastsUntilAuto() {
        PresenceEngine engine = engine(null);
        engine.detected(AVAILABLE);
        engine.override(OverrideCommand.of(Status.AWAY, null));
        clock.advance(Duration.ofDays(3));
        engine.refresh();
        assertThat(engine.current().status()).isEqualTo(Status.AWAY);
        assertThat(engine.current().overrideUntil()).isNull();

        engine.override(OverrideCommand.auto());
        assertThat(engine.current().status()).isEqualTo(Status.AVAILABLE);
        assertThat(engine.current().source()).isEqualTo("teams-log");
    }

    @Test
    void outsideWorkingHours_isOfflineFromTheSchedule_unlessOverridden() {
        WorkingHours hours = WorkingHours.parse("Mon-Fri 09:00-17:00", ZoneOffset.UTC);
        PresenceEngine engine = engine(hours);
        engine.detected(BUSY_IN_CALL);
        assertThat(engine.current().status()).isEqualTo(Status.BUSY);
        assertThat(engine.nextChange()).contains(Instant.parse("2026-11-23T17:00:00Z"));

        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        engine.refresh();
        assertThat(engine.current().status()).isEqualTo(Status.OFFLINE);
        assertThat(engine.current().activity()).isEqualTo(Activity.OFFLINE);
        assertThat(engine.current().source()).isEqualTo("schedule");

        engine.override(OverrideCommand.of(Status.AVAILABLE, Duration.ofHours(1)));
        assertThat(engine.current().status()).isEqualTo(Status.AVAILABLE);
        assertThat(engine.current().source()).isEqualTo("override");
    }

    @Test
    void beforeAnyDetection_isUnknownFromTheSource() {
        PresenceEngine engine = engine(null);
        engine.refresh();
        assertThat(published.get(0).status()).isEqualTo(Status.UNKNOWN);
        assertThat(published.get(0).source()).isEqualTo("teams-log");
    }
}
