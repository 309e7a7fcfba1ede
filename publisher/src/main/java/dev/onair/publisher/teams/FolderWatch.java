package dev.onair.publisher.teams;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the reader when something in a folder changes, with the platform's file-change notification. It only says
 * "look now"; the reading itself stays on the publisher's thread. A folder that does not exist yet is registered as
 * soon as {@link #ensureRegistered()} finds it.
 */
final class FolderWatch {
    private static final Logger log = LoggerFactory.getLogger(FolderWatch.class);

    private final Path dir;
    private final Runnable onChange;
    private WatchService service;
    private WatchKey key;
    private Thread thread;

    FolderWatch(Path dir, Runnable onChange) {
        this.dir = dir;
        this.onChange = onChange;
    }

    void start() throws IOException {
        service = FileSystems.getDefault().newWatchService();
        ensureRegistered();
        thread = new Thread(this::run, "onair-teams-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether the OS itself tells of changes now: the folder is registered and the JDK's watch service is a native one
     * (inotify on Linux, ReadDirectoryChangesW on Windows). On macOS the JDK's service is a poll of its own every 10 s,
     * which is no notification at all.
     */
    synchronized boolean notifying() {
        return service != null
                && key != null
                && key.isValid()
                && !service.getClass().getName().endsWith("PollingWatchService");
    }

    synchronized void ensureRegistered() {
        if (service == null || (key != null && key.isValid()) || !Files.isDirectory(dir)) {
            return;
        }
        try {
            key = dir.register(
                    service,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            log.debug("Watching {} for changes", dir);
        } catch (IOException | ClosedWatchServiceException e) {
            log.debug("Cannot watch {} ({}); the slow poll reads it", dir, e.toString());
        }
    }

    void stop() {
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            log.debug("Closing the watch service: {}", e.toString());
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey signalled = service.take();
                signalled.pollEvents();
                signalled.reset();
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped
        } catch (RuntimeException e) {
            log.warn("File-change notification stopped ({}); the slow poll carries on", e.toString());
        }
    }
}
