package dev.onair.publisher.teams;

import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.presence.Detection;
import dev.onair.runtime.lifecycle.Component;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence from the Teams client's logs: follows the newest log file (or classic Teams' single file), reads older
 * files back at start-up when the newest has no presence line yet, and checks that Teams runs. Every read happens on
 * the publisher's one thread ({@code executor}); a {@link FolderWatch} wakes it when the folder changes, and a slow
 * poll is the safety net where file-change notification is missing or late (macOS, network drives).
 */
public final class TeamsLogSource implements Component {
    private static final Logger log = LoggerFactory.getLogger(TeamsLogSource.class);

    /** How often the process table is read when the process check is on. */
    public static final Duration PROCESS_CHECK_INTERVAL = Duration.ofSeconds(5);

    /**
     * The safety poll while the OS's file-change notification watches the folder: it only catches what a notification
     * missed, so it can be slow. At the 2 s of the unwatched poll an idle publisher spent 0.5 % of a core on it
     * (issue 14, bench/README.md "Publisher idle"). Where there is no notification (macOS, a folder not there yet) the
     * poll runs at {@code pollInterval}.
     */
    static final Duration WATCHED_POLL = Duration.ofSeconds(60);

    /** Older files read back at start-up, at most: Teams keeps a few dozen. */
    static final int MAX_BACK_SCAN_FILES = 20;

    private final TeamsClient client;
    private final TeamsAccount account;
    private final Path location;
    private final TeamsProcessCheck processCheck;
    private final Duration pollInterval;
    private final ScheduledExecutorService executor;
    private final Consumer<Detection> listener;
    private final TeamsLogState state;
    private final LogFollower follower;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean stopped;
    private ScheduledFuture<?> pollTask;
    private FolderWatch watch;
    private Boolean teamsRunning;

    /**
     * @param location new Teams' log folder, or classic Teams' log file
     * @param processCheck the Teams process check, or null when it is off
     * @param listener receives the detection after every read, on {@code executor}
     */
    public TeamsLogSource(
            TeamsClient client,
            Path location,
            TeamsProcessCheck processCheck,
            Duration pollInterval,
            ScheduledExecutorService executor,
            Consumer<Detection> listener) {
        this(client, TeamsAccount.WORK, location, processCheck, pollInterval, executor, listener);
    }

    /** @param account the signed-in account whose presence the light follows */
    public TeamsLogSource(
            TeamsClient client,
            TeamsAccount account,
            Path location,
            TeamsProcessCheck processCheck,
            Duration pollInterval,
            ScheduledExecutorService executor,
            Consumer<Detection> listener) {
        this.client = client;
        this.account = account;
        this.location = location;
        this.processCheck = processCheck;
        this.pollInterval = pollInterval;
        this.executor = executor;
        this.listener = listener;
        this.state = new TeamsLogState(client, account);
        this.follower = new LogFollower(client, account, location, state);
    }

    /** Reads the logs once (on the caller's thread, before anything else runs), then follows them. */
    @Override
    public void start() throws IOException {
        log.info(
                "Following {} logs in {}{}",
                client == TeamsClient.NEW ? "new Teams" : "classic Teams",
                location,
                processCheck == null ? "" : ", checking that Teams runs");
        if (client == TeamsClient.NEW) {
            log.info("Following {} (choose another with --teams-account)", account.describe());
        }
        follower.startUp();
        checkProcess(); // after the read: calls logged before a Teams that is not running are over
        emit();
        watch = new FolderWatch(
                client == TeamsClient.NEW ? location : location.toAbsolutePath().getParent(), this::wake);
        watch.start();
        schedulePoll();
        if (processCheck != null) {
            long every = PROCESS_CHECK_INTERVAL.toMillis();
            tasks.add(executor.scheduleWithFixedDelay(this::processTick, every, every, TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public void stop() {
        stopped = true;
        tasks.forEach(t -> t.cancel(false));
        synchronized (this) {
            if (pollTask != null) {
                pollTask.cancel(false);
            }
        }
        if (watch != null) {
            watch.stop();
        }
    }

    /** The current detection; for tests and the first publish. */
    public Detection detection() {
        if (Boolean.FALSE.equals(teamsRunning)) {
            return new Detection(Status.OFFLINE, Activity.OFFLINE, "teams-process", false, false, null);
        }
        Optional<TeamsPresence> presence = state.presence();
        Status status = presence.map(TeamsPresence::status).orElse(Status.UNKNOWN);
        Activity activity = presence.map(TeamsPresence::activity).orElse(Activity.UNKNOWN);
        Boolean inCall = state.readAnything() ? state.inCall() : null;
        if (Boolean.TRUE.equals(inCall)
                && status.isBusy()
                && activity != Activity.PRESENTING
                && activity != Activity.IN_A_MEETING) {
            activity = Activity.IN_A_CALL;
        }
        return new Detection(status, activity, client.source(), teamsRunning, inCall, state.unread());
    }

    /** Reads what is new and tells the listener; runs on the executor. */
    public void poll() {
        try {
            follower.follow(watch);
        } catch (RuntimeException e) {
            log.error("Reading the Teams logs failed; trying again at the next change", e);
        }
        emit();
    }

    /** The next safety poll: slow while notified of changes, {@code pollInterval} while not (decided each time). */
    private synchronized void schedulePoll() {
        if (stopped) {
            return;
        }
        Duration next = watch != null && watch.notifying() && WATCHED_POLL.compareTo(pollInterval) > 0
                ? WATCHED_POLL
                : pollInterval;
        pollTask = executor.schedule(
                () -> {
                    poll();
                    schedulePoll();
                },
                next.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Teams writes many lines a second; one pending read covers all the changes signalled before it runs. */
    private void wake() {
        if (wakePending.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakePending.set(false);
                poll();
            });
        }
    }

    void processTick() {
        Boolean before = teamsRunning;
        checkProcess();
        if (!java.util.Objects.equals(teamsRunning, before)) {
            emit();
        }
    }

    private void checkProcess() {
        if (processCheck == null) {
            return;
        }
        boolean running;
        try {
            running = processCheck.teamsRunning();
        } catch (RuntimeException e) {
            log.debug("Process check failed: {}", e.toString());
            return;
        }
        if (teamsRunning == null || running != teamsRunning) {
            log.info(running ? "Teams is running" : "Teams is not running: the person is offline");
            if (!running) {
                state.teamsStopped();
            }
        }
        teamsRunning = running;
    }

    private void emit() {
        listener.accept(detection());
    }
}
