package dev.onair.display.history;

import dev.onair.runtime.lifecycle.Component;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the history file, on a thread of its own: the MQTT thread only queues a change and goes on,
 * so a slow SD card never delays the light. A damaged file is moved aside and a new one started ({@link Damage}); a
 * full disk pauses history with one logged line, and each tick tries again until there is room.
 */
public final class HistoryWriter implements Component {
    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    /** Room for a burst far beyond any office (10,000 changes is a heavy day); past it a change is dropped. */
    private static final int QUEUE = 10_000;

    private static final Duration PRUNE_EVERY = Duration.ofHours(6);

    private final HistorySettings settings;
    private final Clock clock;
    private final BlockingQueue<Change> inbox = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicBoolean overflowLogged = new AtomicBoolean();
    private ScheduledExecutorService thread;

    // Touched on the writer thread only.
    private final Map<String, PersonState> last = new HashMap<>();
    private final HeldChanges pending = new HeldChanges();
    private HistoryDatabase db;
    private volatile boolean paused;

    public HistoryWriter(HistorySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
    }

    @Override
    public void start() throws Exception {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-history");
            t.setDaemon(true);
            return t;
        });
        // Opened before the first message, so the rows a crash left open end before new ones begin.
        onThread(this::open);
        long tick = settings.tick().toMillis();
        thread.scheduleWithFixedDelay(guarded(this::tick), tick, tick, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(guarded(this::prune), 0, PRUNE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        log.info("History in {} ({} days kept)", settings.file(), settings.retentionDays());
    }

    /** Queues a change; returns at once (called on the MQTT thread). */
    public void observe(Change change) {
        if (!inbox.offer(change)) {
            if (overflowLogged.compareAndSet(false, true)) {
                log.warn("History cannot keep up: more than {} changes queued; dropping changes", QUEUE);
            }
            return;
        }
        if (drainQueued.compareAndSet(false, true)) {
            try {
                thread.execute(guarded(this::drain));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopped: a message that arrived during shutdown is not history
            }
        }
    }

    /** Whether history is paused (a full disk, or a file that cannot be opened). */
    public boolean paused() {
        return paused;
    }

    private void drain() {
        drainQueued.set(false);
        overflowLogged.set(false);
        List<Change> batch = new ArrayList<>();
        inbox.drainTo(batch);
        List<Change> changes = new ArrayList<>();
        for (Change c : batch) {
            boolean same = c.state() == null
                    ? !last.containsKey(c.person())
                    : c.state().equals(last.get(c.person()));
            if (same) {
                continue;
            }
            if (c.state() == null) {
                last.remove(c.person());
            } else {
                last.put(c.person(), c.state());
            }
            changes.add(c);
        }
        if (changes.isEmpty()) {
            return;
        }
        if (paused) {
            pending.add(changes);
        } else {
            write(changes);
        }
    }

    private void write(List<Change> changes) {
        try {
            db.record(changes);
        } catch (SQLException e) {
            trouble(e, changes);
        }
    }

    private void trouble(SQLException e, List<Change> changes) {
        switch (SqliteTrouble.of(e)) {
            case FULL -> pause(changes, e);
            case DAMAGED -> replaceDamaged(e);
            case OTHER -> log.warn("History lost {} change(s): {}", changes.size(), SqliteTrouble.message(e));
        }
    }

    private void open() {
        try {
            db = HistoryDatabase.open(settings.file());
        } catch (SQLException | RuntimeException e) {
            // Flyway wraps the driver's exception in its own (a RuntimeException); the cause says what it was.
            switch (SqliteTrouble.of(e)) {
                case DAMAGED -> replaceDamaged(e);
                case FULL -> pause(List.of(), e);
                case OTHER -> {
                    log.error("History paused: cannot open {}: {}", settings.file(), SqliteTrouble.message(e));
                    paused = true;
                }
            }
        }
    }

    private void replaceDamaged(Exception cause) {
        closeQuietly();
        Path aside = Damage.moveAside(settings.file(), clock.instant());
        log.error(
                "History file {} is damaged ({}); moved it to {} and started a new one",
                settings.file(),
                SqliteTrouble.message(cause),
                aside.getFileName());
        try {
            db = HistoryDatabase.open(settings.file());
            // The new file starts from everyone's state now, as far as the display knows it.
            Instant now = clock.instant();
            List<Change> current = new ArrayList<>();
            last.forEach((person, state) -> current.add(new Change(person, state, now)));
            db.record(current);
        } catch (SQLException | RuntimeException e) {
            log.error("History paused: cannot start a new {}: {}", settings.file(), SqliteTrouble.message(e));
            paused = true;
        }
    }

    private void pause(List<Change> changes, Exception cause) {
        pending.add(changes);
        if (!paused) {
            paused = true;
            log.warn(
                    "History paused: the disk holding {} is full ({}); the light and the dashboard go on, and"
                            + " history resumes when there is room",
                    settings.dataDir(),
                    SqliteTrouble.message(cause));
        }
    }

    private void tick() {
        Instant now = clock.instant();
        if (paused) {
            resume(now);
            return;
        }
        if (db == null) {
            return; // stopped
        }
        try {
            db.alive(now);
        } catch (SQLException e) {
            trouble(e, List.of());
        }
    }

    private void resume(Instant now) {
        if (db == null) {
            try {
                db = HistoryDatabase.open(settings.file());
            } catch (SQLException | RuntimeException e) {
                return; // still no room, or still no file: the next tick tries again
            }
        }
        try {
            db.record(pending.all());
            db.alive(now);
        } catch (SQLException e) {
            return;
        }
        log.info("History resumed: {} change(s) kept while paused are written", pending.size());
        pending.clear();
        paused = false;
    }

    private void prune() {
        if (paused || db == null) {
            return;
        }
        Instant before = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        try {
            int n = db.prune(before);
            if (n > 0) {
                log.info("History pruned {} row(s) older than {} days", n, settings.retentionDays());
            }
        } catch (SQLException e) {
            log.warn("History pruning failed: {}", SqliteTrouble.message(e));
        }
    }

    @Override
    public void stop() {
        if (thread == null) {
            return;
        }
        try {
            onThread(() -> {
                drain();
                if (db != null && !paused) {
                    try {
                        db.endAll(clock.instant());
                    } catch (SQLException e) {
                        log.warn("History could not end the open rows: {}", SqliteTrouble.message(e));
                    }
                }
                closeQuietly();
            });
        } catch (Exception e) {
            log.warn("History did not stop cleanly: {}", e.toString());
        }
        thread.shutdownNow();
    }

    private void closeQuietly() {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // closing a connection to a file we give up on
            }
            db = null;
        }
    }

    private void onThread(Runnable task) throws InterruptedException, ExecutionException, TimeoutException {
        thread.submit(guarded(task)).get(60, TimeUnit.SECONDS);
    }

    /** A scheduled task that throws is never run again; history goes on whatever one run met. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("History: {}", e.toString(), e);
            }
        };
    }

    @Override
    public String name() {
        return "history";
    }
}
