package dev.onair.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.UsersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload of the users file keeps the last good users when the file turns bad, empty or missing (issue 11). */
class UserDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void emptiedFile_afterAGoodLoad_keepsTheLastGoodUsers() throws Exception {
        Path file = tmp.resolve("users.yaml");
        UserDirectory users = loaded(file);

        Files.writeString(file, "");
        touch(file, 1);

        assertThat(users.find("alice")).isPresent();
        assertThat(users.size()).isEqualTo(1);
    }

    @Test
    void fileWithNoUsers_afterAGoodLoad_keepsTheLastGoodUsers() throws Exception {
        Path file = tmp.resolve("users.yaml");
        UserDirectory users = loaded(file);

        Files.writeString(file, "users: {}\n");
        touch(file, 1);

        assertThat(users.find("alice")).isPresent();
    }

    @Test
    void deletedFile_afterAGoodLoad_keepsTheLastGoodUsers() throws Exception {
        Path file = tmp.resolve("users.yaml");
        UserDirectory users = loaded(file);

        Files.delete(file);

        assertThat(users.find("alice")).isPresent();
    }

    @Test
    void changedFile_withOtherUsers_isTakenOver() throws Exception {
        Path file = tmp.resolve("users.yaml");
        UserDirectory users = loaded(file);

        UsersFile.add(file, new User("bob", Role.VIEWER, null, PasswordHash.hash("bob-password", 1000)));
        touch(file, 1);

        assertThat(users.find("bob")).isPresent();
    }

    private static UserDirectory loaded(Path file) throws Exception {
        UsersFile.add(file, new User("alice", Role.PUBLISHER, null, PasswordHash.hash("alice-password", 1000)));
        UserDirectory users = new UserDirectory(file);
        users.load();
        assertThat(users.find("alice")).isPresent();
        return users;
    }

    /** Moves the modification time on, so the change is seen even on file systems with coarse timestamps. */
    private static void touch(Path file, int seconds) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(seconds)));
    }
}
