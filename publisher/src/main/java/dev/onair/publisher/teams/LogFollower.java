package dev.onair.publisher.teams;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TeamsLogSource}'s reading of the log files into its {@link TeamsLogState}: the newest file followed, older
 * ones read back at start-up, Teams' new files taken in order. Runs only on the source's one thread.
 */
final class LogFollower {
    // The source's logger: what a user reads (and greps for) stays "TeamsLogSource", whichever class reads.
    private static final Logger log = LoggerFactory.getLogger(TeamsLogSource.class);

    private final TeamsClient client;
    private final TeamsAccount account;
    private final Path location;
    private final TeamsLogState state;
    private LogTailer tailer;
    private boolean warnedMissing;

    LogFollower(TeamsClient client, TeamsAccount account, Path location, TeamsLogState state) {
        this.client = client;
        this.account = account;
        this.location = location;
        this.state = state;
    }

    /** The first read at start-up, going back to older files while the newest has no presence line. */
    void startUp() {
        List<Path> files = files();
        if (files.isEmpty()) {
            warnMissing();
            return;
        }
        tailer = new LogTailer(files.get(0));
        read(tailer);
        if (state.presence().isEmpty()) {
            backScan(files.subList(1, Math.min(files.size(), TeamsLogSource.MAX_BACK_SCAN_FILES + 1)));
        }
    }

    /** The newest file has no presence line yet (Teams just started): the last one in an older file stands. */
    private void backScan(List<Path> older) {
        for (Path file : older) {
            Optional<TeamsPresence> last = LastPresence.in(file, client, account);
            if (last.isPresent()) {
                log.info("Presence {} found in the older log {}", last.get().token(), file.getFileName());
                state.presenceFromOlderFile(last.get());
                return;
            }
        }
    }

    /** Reads what is new, moving on to the newest file when Teams started one. */
    void follow(FolderWatch watch) {
        List<Path> files = files();
        if (files.isEmpty()) {
            warnMissing();
            return;
        }
        warnedMissing = false;
        if (watch != null) {
            watch.ensureRegistered();
        }
        if (tailer == null) {
            tailer = new LogTailer(files.get(0));
        } else if (!tailer.file().equals(files.get(0))) {
            rotate(files);
        }
        read(tailer);
    }

    /** Finishes the current file, then reads every newer one in order, ending on the newest. */
    private void rotate(List<Path> newestFirst) {
        read(tailer);
        tailer.flushPartial(state::accept);
        int current = newestFirst.indexOf(tailer.file());
        int from = current < 0 ? 0 : current - 1;
        for (int i = from; i > 0; i--) {
            LogTailer between = new LogTailer(newestFirst.get(i));
            read(between);
            between.flushPartial(state::accept);
        }
        tailer = new LogTailer(newestFirst.get(0));
        log.info("Teams started a new log file: {}", tailer.file().getFileName());
    }

    private void read(LogTailer t) {
        try {
            long n = t.readNew(state::accept);
            if (n > 0) {
                log.debug("Read {} bytes of {}", n, t.file().getFileName());
            }
        } catch (NoSuchFileException e) {
            log.debug("{} is gone", t.file());
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", t.file(), e.toString());
        }
    }

    private List<Path> files() {
        if (client == TeamsClient.NEW) {
            return new LogFolder(location).newestFirst();
        }
        return java.nio.file.Files.isRegularFile(location) ? List.of(location) : List.of();
    }

    private void warnMissing() {
        if (!warnedMissing) {
            log.warn(
                    "No Teams log at {} (yet). Is Teams installed and signed in? Set the place with {}",
                    location,
                    client == TeamsClient.NEW ? "--teams-logs DIR" : "--teams-classic-log FILE");
            warnedMissing = true;
        }
    }
}
