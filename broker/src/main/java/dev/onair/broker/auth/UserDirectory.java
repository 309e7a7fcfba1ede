package dev.onair.broker.auth;

import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.broker.users.UsersFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's view of the users file. It is re-read when it changes, so {@code onair users add} takes effect
 * without a broker restart; if the new file is broken, empty or missing, the last good users stay in force and the
 * problem is logged.
 *
 * <p>In-process users (the nodes {@code onair pi} runs beside the broker) live only in memory, with passwords made at
 * start-up; they come first, so a file user of the same name cannot stand in for them.
 */
public final class UserDirectory {
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final Path file;
    private final Users inProcess;
    private Users users = Users.empty();
    private FileTime loadedModified;
    private long loadedSize = -1;

    public UserDirectory(Path file) {
        this(file, Users.empty());
    }

    public UserDirectory(Path file, Users inProcess) {
        this.file = file;
        this.inProcess = inProcess;
    }

    /**
     * Reads the file for the first time.
     *
     * @throws IOException when it cannot be read or is malformed
     */
    public synchronized void load() throws IOException {
        FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        long size = Files.exists(file) ? Files.size(file) : -1;
        users = UsersFile.load(file);
        loadedModified = modified;
        loadedSize = size;
    }

    /** The user called {@code name}, after re-reading the file if it changed. */
    public Optional<User> find(String name) {
        Optional<User> own = inProcess.get(name);
        return own.isPresent() ? own : current().get(name);
    }

    /** How many users the file holds now. */
    public int size() {
        return current().size();
    }

    private synchronized Users current() {
        try {
            boolean exists = Files.exists(file);
            FileTime modified = exists ? Files.getLastModifiedTime(file) : null;
            long size = exists ? Files.size(file) : -1;
            if (!java.util.Objects.equals(modified, loadedModified) || size != loadedSize) {
                Users fresh = UsersFile.load(file);
                loadedModified = modified;
                loadedSize = size;
                if (fresh.size() == 0 && users.size() > 0) {
                    // An emptied or deleted file is far more often a mistake (a truncating editor, a failed copy)
                    // than an intent to lock everyone out: treat it like a broken file.
                    log.warn(
                            "Users file {} is {}: keeping the previous {} user(s) (to run with no users, restart the "
                                    + "broker)",
                            file,
                            exists ? "empty" : "missing",
                            users.size());
                } else {
                    log.info("Users file {} changed: {} user(s)", file, fresh.size());
                    users = fresh;
                }
            }
        } catch (IOException e) {
            log.warn("Keeping the previous users: {}", e.getMessage());
        }
        return users;
    }
}
