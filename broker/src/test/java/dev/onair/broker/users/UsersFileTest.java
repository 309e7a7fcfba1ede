package dev.onair.broker.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {
    @TempDir
    Path dir;

    @Test
    void saveAndLoad_roundTripsUsersInOrder_withOwnerOnlyPermissions() throws IOException {
        Path file = dir.resolve("users.yaml");
        Users users = Users.of(java.util.List.of(
                new User("alice", Role.PUBLISHER, null, PasswordHash.hash("alice-password", 1000)),
                new User("pc-bob", Role.PUBLISHER, "bob", PasswordHash.hash("bob-password", 1000)),
                new User("ha", Role.HOMEASSISTANT, null, PasswordHash.hash("ha-password", 1000))));

        UsersFile.save(file, users);
        Users loaded = UsersFile.load(file);

        assertThat(loaded.all()).containsExactlyElementsOf(users.all());
        assertThat(loaded.get("alice").orElseThrow().id()).isEqualTo("alice");
        assertThat(loaded.get("pc-bob").orElseThrow().id()).isEqualTo("bob");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("alice-password");
    }

    @Test
    void load_missingFile_hasNoUsers() throws IOException {
        assertThat(UsersFile.load(dir.resolve("none.yaml")).size()).isZero();
    }

    @Test
    void load_plainTextPassword_isRejectedNamingTheUser() throws IOException {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, "users:\n  alice:\n    role: publisher\n    password: hunter22\n");

        assertThatThrownBy(() -> UsersFile.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("user 'alice'")
                .hasMessageContaining("not a password hash");
    }

    @Test
    void load_unknownRoleOrField_isRejected() throws IOException {
        Path file = dir.resolve("users.yaml");
        String hash = PasswordHash.hash("password1", 1000);
        Files.writeString(file, "users:\n  alice:\n    role: admin\n    password: " + hash + "\n");
        assertThatThrownBy(() -> UsersFile.load(file)).hasMessageContaining("role 'admin' is unknown");

        Files.writeString(file, "users:\n  alice:\n    role: viewer\n    pasword: " + hash + "\n");
        assertThatThrownBy(() -> UsersFile.load(file)).hasMessageContaining("unknown field 'pasword'");
    }

    @Test
    void user_publisherWithInvalidPersonId_isRejected() {
        String hash = PasswordHash.hash("password1", 1000);

        assertThatThrownBy(() -> new User("Alice Smith", Role.PUBLISHER, null, hash))
                .hasMessageContaining("user name 'Alice Smith' is invalid");
        assertThatThrownBy(() -> new User("Alice", Role.PUBLISHER, null, hash))
                .hasMessageContaining("person id 'Alice' is invalid");
        assertThatThrownBy(() -> new User("viewer", Role.VIEWER, "alice", hash)).hasMessageContaining("takes no id");
    }
}
