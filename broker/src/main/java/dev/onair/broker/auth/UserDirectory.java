package dev.onair.broker.auth;

import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.broker.users.UsersFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
    private volatile Users users = Users.empty();
    /** The file's modification time and size when it was last read; null modified: it did not exist. */
    private volatile Stamp loaded = new Stamp(null, -1);

    private record Stamp(FileTime modified, long size) {}

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
        Stamp stamp = stamp();
        users = UsersFile.load(file);
        loaded = stamp;
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

    /**
     * The users, re-read first if the file changed. Every publish asks (twice: the connection gate and the ACL), so
     * the check is one stat and no lock; only a re-read takes the lock (bench/README.md, "Broker throughput").
     */
    private Users current() {
        Stamp now;
        try {
            now = stamp();
        } catch (IOException e) {
            log.warn("Keeping the previous users: {}", e.getMessage());
            return users;
        }
        return now.equals(loaded) ? users : reload(now);
    }

    private synchronized Users reload(Stamp now) {
        if (now.equals(loaded)) {
            return users; // another thread re-read it meanwhile
        }
        boolean exists = now.modified() != null;
        try {
            Users fresh = UsersFile.load(file);
            loaded = now;
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
        } catch (IOException e) {
            log.warn("Keeping the previous users: {}", e.getMessage());
        }
        return users;
    }

    private Stamp stamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return new Stamp(null, -1);
        }
    }
}
