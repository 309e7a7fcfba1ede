package dev.onair.publisher.teams;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last presence line of a whole log file, read with a bounded buffer (for the back-scan at start-up). */
final class LastPresence {
    private static final Logger log = LoggerFactory.getLogger(LastPresence.class);

    private LastPresence() {}

    static Optional<TeamsPresence> in(Path file, TeamsClient client) {
        AtomicReference<TeamsPresence> last = new AtomicReference<>();
        LogTailer tailer = new LogTailer(file);
        try {
            tailer.readNew(line -> TeamsLogState.presenceIn(line, client).ifPresent(last::set));
            tailer.flushPartial(line -> TeamsLogState.presenceIn(line, client).ifPresent(last::set));
        } catch (IOException e) {
            log.debug("Cannot read {} for its last presence: {}", file, e.toString());
        }
        return Optional.ofNullable(last.get());
    }
}
