package dev.onair.publisher.teams;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last presence line of a whole log file, read with a bounded buffer (for the back-scan at start-up). */
final class LastPresence {
    private static final Logger log = LoggerFactory.getLogger(LastPresence.class);

    private LastPresence() {}

    static Optional<TeamsPresence> in(Path file, TeamsClient client, TeamsAccount account) {
        // A whole state, not a line matcher: the older file is read exactly as the current one would be.
        TeamsLogState state = new TeamsLogState(client, account);
        LogTailer tailer = new LogTailer(file);
        try {
            tailer.readNew(state::accept);
            tailer.flushPartial(state::accept);
        } catch (IOException e) {
            log.debug("Cannot read {} for its last presence: {}", file, e.toString());
        }
        return state.presence();
    }
}
