package dev.onair.broker.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which user last had each client id's session, kept beside Moquette's sessions in the data folder (sessions outlive
 * restarts, so must this). A session another user takes over starts empty: the new user never receives what was
 * queued for the old one (issue 11: a viewer resuming another user's session received its queued message).
 *
 * <p>Ids without a record (sessions from before this file existed) are claimed by the first user that connects.
 */
public final class SessionOwners {
    private static final Logger log = LoggerFactory.getLogger(SessionOwners.class);

    private final Path file;
    private final Properties owners = new Properties();

    public SessionOwners(Path file) {
        this.file = file;
    }

    /** Reads the file; a missing one has no owners. */
    public synchronized void load() throws IOException {
        owners.clear();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            owners.load(in);
        } catch (NoSuchFileException e) {
            // first start
        }
    }

    /**
     * Records {@code user} as the owner of {@code clientId}.
     *
     * @return whether the id's session belonged to another user, so the connection must start with an empty session
     */
    public synchronized boolean claim(String clientId, String user) {
        String previous = owners.getProperty(clientId);
        if (user.equals(previous)) {
            return false;
        }
        owners.setProperty(clientId, user);
        save();
        return previous != null;
    }

    private void save() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                owners.store(out, "OnAir broker: which user owns each client id's session");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The in-memory record still protects sessions until the next restart.
            log.warn("Cannot save session owners to {}: {}", file, e.getMessage());
        }
    }
}
