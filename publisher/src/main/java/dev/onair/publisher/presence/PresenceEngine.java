package dev.onair.publisher.presence;

import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a person's presence from what the source detected, the override in force and the working hours, in that
 * order of precedence: an override wins, outside working hours the person is {@code offline} (source
 * {@code schedule}), otherwise the detection stands. Calls {@code onChange} only when the result changes, so
 * presence is published only when something in it changes (CONTRACT.md section 3).
 *
 * <p>Not thread-safe: the publisher drives it from one thread. Time comes from the {@link Clock}, so tests move time
 * instead of waiting; an expired override falls back at the next {@link #refresh()}, which the publisher schedules
 * for {@link #nextChange()}.
 */
public final class PresenceEngine {
    private static final Logger log = LoggerFactory.getLogger(PresenceEngine.class);

    private final String person;
    private final String name;
    private final Clock clock;
    private final WorkingHours workingHours;
    private final Consumer<Presence> onChange;
    private Detection detected;
    private Status overrideStatus;
    private Instant overrideUntil;
    private MediaUse media = MediaUse.UNKNOWN;
    private volatile Presence current;

    /**
     * @param source the source word used until the first detection arrives
     * @param workingHours the working hours, or null for "always"
     */
    public PresenceEngine(
            String person, String source, Clock clock, WorkingHours workingHours, Consumer<Presence> onChange) {
        this(person, null, source, clock, workingHours, onChange);
    }

    /**
     * @param name the display name sent in every presence, or null for none
     * @param source the source word used until the first detection arrives
     * @param workingHours the working hours, or null for "always"
     */
    public PresenceEngine(
            String person,
            String name,
            String source,
            Clock clock,
            WorkingHours workingHours,
            Consumer<Presence> onChange) {
        this.person = person;
        this.name = name;
        this.clock = clock;
        this.workingHours = workingHours;
        this.onChange = onChange;
        this.detected = Detection.unknown(source);
    }

    /** The presence last decided, or null before the first {@link #refresh()}. Safe from any thread. */
    public Presence current() {
        return current;
    }

    public Detection detected() {
        return detected;
    }

    /** The source says something (perhaps the same as before). */
    public Presence detected(Detection detection) {
        this.detected = detection;
        return refresh();
    }

    /** The camera and microphone were read (perhaps the same as before). */
    public Presence media(MediaUse use) {
        this.media = use;
        return refresh();
    }

    /** Applies an override command: {@code auto} clears, a duration makes it end by itself. */
    public Presence override(OverrideCommand command) {
        if (command.isAuto()) {
            if (overrideStatus != null) {
                log.info("Override cleared");
            }
            overrideStatus = null;
            overrideUntil = null;
        } else {
            Instant until;
            try {
                until = command.forDuration().map(clock.instant()::plus).orElse(null);
            } catch (DateTimeException | ArithmeticException e) {
                // Decided before anything is changed, so a refused override leaves no half of itself behind.
                log.warn(
                        "Refused override {} for {}: its end is past what a clock can hold",
                        command.status(),
                        command.duration());
                return current;
            }
            overrideStatus = command.status();
            overrideUntil = until;
            log.info(
                    "Override {}{}",
                    overrideStatus,
                    overrideUntil == null ? " until cleared" : " until " + overrideUntil);
        }
        return refresh();
    }

    /** Decides again (an override may have expired, working hours may have begun or ended). */
    public Presence refresh() {
        Instant now = clock.instant();
        if (overrideUntil != null && !now.isBefore(overrideUntil)) {
            log.info("Override {} expired; back to the detected presence", overrideStatus);
            overrideStatus = null;
            overrideUntil = null;
        }
        Presence next = decide(now);
        if (!next.sameStateAs(current)) {
            current = next;
            onChange.accept(next);
        }
        return current;
    }

    /** When the result may change by time alone: an override's end or a working-hours boundary. */
    public Optional<Instant> nextChange() {
        Instant now = clock.instant();
        Optional<Instant> hours = workingHours == null ? Optional.empty() : workingHours.nextChange(now);
        if (overrideUntil == null) {
            return hours;
        }
        return Optional.of(hours.filter(h -> h.isBefore(overrideUntil)).orElse(overrideUntil));
    }

    private Presence decide(Instant now) {
        Status status;
        Activity activity;
        String source;
        if (overrideStatus != null) {
            status = overrideStatus;
            activity = Activity.of(status);
            source = "override";
        } else if (workingHours != null && !workingHours.isWorking(now)) {
            status = Status.OFFLINE;
            activity = Activity.OFFLINE;
            source = "schedule";
        } else {
            status = detected.status();
            activity = detected.activity();
            source = detected.source();
        }
        Instant since = current != null && current.status() == status ? current.since() : now;
        // Unread, camera and microphone are facts about the PC, not decisions: overrides and hours leave them be.
        return new Presence(
                person,
                status,
                activity,
                since,
                source,
                detected.teamsRunning(),
                detected.inCall(),
                overrideUntil,
                detected.unread(),
                media.camera(),
                media.mic(),
                name);
    }
}
