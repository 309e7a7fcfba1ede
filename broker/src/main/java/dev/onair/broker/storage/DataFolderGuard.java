package dev.onair.broker.storage;

import dev.onair.runtime.lifecycle.Component;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the broker from acknowledging what it cannot store when the data folder's file system fills up (issue 11,
 * "Disk full").
 *
 * <p>Moquette 0.18.3 keeps sessions and retained messages in an H2 MVStore that it commits every second. When a commit
 * fails for lack of space the MVStore closes itself for good: every later CONNECT fails inside Moquette's session loops,
 * which die, and what was acknowledged since the last commit is gone. So this guard holds a reserve file of {@link
 * #RESERVE_BYTES} in the data folder. When the file system has less than {@link #LOW_BYTES} left (someone else filled
 * it, or we did), it deletes the reserve, so the commit of what the broker has already accepted still fits, logs one
 * line, and refuses publishes ({@link #guard}) until there is room again; then it takes the reserve back. The
 * store's own writes check first too and take the reserve when they run out of space ({@link StoreWrites}), so a
 * commit does not depend on this guard's poll having come first.
 */
public final class DataFolderGuard implements Component {
    private static final Logger log = LoggerFactory.getLogger(DataFolderGuard.class);

    /** Room kept for the store's commits; a retained presence is under 1 KiB, a commit a few KiB. */
    public static final long RESERVE_BYTES = 1024 * 1024;
    /** Below this much free space (besides the reserve) the folder counts as full. */
    public static final long LOW_BYTES = 256 * 1024;

    static final String RESERVE_FILE = "onair-space-reserve";

    private final Path dataDir;
    private final Path reserve;
    private final Consumer<String> disconnect;
    private volatile boolean full;
    private final long pollMillis;
    /** When {@link #check} last ran ({@link System#nanoTime}); publishes within {@link #PUBLISH_CHECK_NANOS} reuse it. */
    private volatile long checkedAt = System.nanoTime() - PUBLISH_CHECK_NANOS;
    /** The data folder's file store, found once: finding it parses /proc/mounts, its free space is one statvfs. */
    private FileStore store;

    private ScheduledExecutorService checker;

    /**
     * How old a check a publish may rely on: 10 ms. A check per publish serialised every publish on this object's lock
     * and parsed /proc/mounts each time (bench/README.md, "Broker throughput", 2 December 2026).
     */
    static final long PUBLISH_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** @param disconnect disconnects a client whose publish was refused (Moquette would leave it waiting) */
    public DataFolderGuard(Path dataDir, Consumer<String> disconnect) {
        this(dataDir, disconnect, 200);
    }

    /** @param pollMillis how often {@link #start()} checks the free space; 0 for never (tests of the write path) */
    DataFolderGuard(Path dataDir, Consumer<String> disconnect, long pollMillis) {
        this.pollMillis = pollMillis;
        this.dataDir = dataDir;
        this.reserve = dataDir.resolve(RESERVE_FILE);
        this.disconnect = disconnect;
    }

    @Override
    public void start() {
        check();
        if (pollMillis == 0) {
            return;
        }
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-data-folder-guard");
            t.setDaemon(true);
            return t;
        });
        // Faster than Moquette's one-second commits, so the reserve is usually free before a commit needs it.
        checker.scheduleWithFixedDelay(this::check, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    @Override
    public String name() {
        return "data folder guard";
    }

    /** Whether the data folder is too full to accept anything that must be stored. */
    public boolean full() {
        return full;
    }

    /** Checks the free space now; frees or takes back the reserve and logs a change of state. */
    public synchronized boolean check() {
        checkedAt = System.nanoTime();
        long free;
        try {
            if (store == null) {
                store = Files.getFileStore(dataDir);
            }
            free = store.getUsableSpace(); // statvfs of the folder itself, so a file system mounted on it later counts
        } catch (IOException e) {
            return full; // the folder is gone or unreadable: the store will say so
        }
        if (!full && free < LOW_BYTES) {
            becomeFull(free);
        } else if (full && free >= RESERVE_BYTES + LOW_BYTES) {
            if (takeReserve()) {
                full = false;
                log.info("Data folder {} has space again ({} KiB free): publishes are accepted", dataDir, free / 1024);
            }
        } else if (!full && !Files.exists(reserve)) {
            takeReserve();
        }
        return full;
    }

    /**
     * Called by a store write that failed with {@code failure}: if it is for lack of space and the reserve is still
     * there, deletes it (the folder counts as full from now on) so the write can be tried again.
     *
     * @return whether the reserve was given up, so trying again may succeed
     */
    synchronized boolean giveUpReserve(IOException failure) {
        String message = String.valueOf(failure.getMessage());
        if (!message.contains("No space left") && !message.contains("quota")) {
            return false;
        }
        if (!Files.exists(reserve)) {
            return false;
        }
        if (full) {
            deleteReserve();
        } else {
            becomeFull(0);
        }
        return !Files.exists(reserve);
    }

    private void becomeFull(long free) {
        full = true;
        deleteReserve();
        log.error(
                "Data folder {} is full ({} KiB free): publishes are refused until space is freed, so nothing is"
                        + " acknowledged that cannot be stored",
                dataDir,
                free / 1024);
    }

    /** {@link #check}, unless one ran in the last {@link #PUBLISH_CHECK_NANOS} (the scheduled one runs every 200 ms). */
    boolean checkForPublish() {
        if (System.nanoTime() - checkedAt < PUBLISH_CHECK_NANOS) {
            return full;
        }
        synchronized (this) {
            return System.nanoTime() - checkedAt < PUBLISH_CHECK_NANOS ? full : check();
        }
    }

    /** {@code acl}, refusing every publish while the data folder is full. */
    public IAuthorizatorPolicy guard(IAuthorizatorPolicy acl) {
        return new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                if (checkForPublish()) {
                    // Not acknowledged and disconnected: the client sends it again once it is back.
                    log.warn("Publish to {} by {} refused: data folder {} is full", topic, client, dataDir);
                    disconnect.accept(client);
                    return false;
                }
                return acl.canWrite(topic, user, client);
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                return acl.canRead(topic, user, client);
            }
        };
    }

    private boolean takeReserve() {
        try (OutputStream out = Files.newOutputStream(
                reserve, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
            // Real blocks, not a sparse file: the point is that the file system gives them back when it is deleted.
            out.write(new byte[(int) RESERVE_BYTES]);
            return true;
        } catch (IOException e) {
            deleteReserve();
            return false;
        }
    }

    private void deleteReserve() {
        try {
            Files.deleteIfExists(reserve);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", reserve, e.toString());
        }
    }
}
