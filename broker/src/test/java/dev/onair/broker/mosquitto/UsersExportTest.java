package dev.onair.broker.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.CliRun;
import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.broker.users.UsersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onair users export --format mosquitto}: what it writes and what it tells the user. */
class UsersExportTest {
    @TempDir
    Path dir;

    @Test
    void export_writesPasswordFileWithTheHashesAsTheyAre_ownerOnly() throws Exception {
        Path users = dir.resolve("users.yaml");
        User alice = User.create("alice", Role.PUBLISHER, null, "alice-password");
        User ha = User.createGenerated("ha", Role.HOMEASSISTANT, null, PasswordHash.generatePassword());
        UsersFile.save(users, Users.of(List.of(alice, ha)));

        CliRun run = exportToM(users);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(2 of 2 users)").doesNotContain("old pbkdf2-sha256");
        Path passwordFile = dir.resolve("m/password_file");
        assertThat(Files.readString(passwordFile))
                .isEqualTo("alice:" + alice.passwordHash() + "\nha:" + ha.passwordHash() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("m/acl_file"))).contains("user alice\n", "user ha\n");
    }

    @Test
    void export_leavesOutUsersOnTheOldHash_andSaysWhatToRun() throws Exception {
        Path users = dir.resolve("users.yaml");
        Files.writeString(
                users,
                "users:\n  work-pc:\n    role: publisher\n    id: bob\n    password: "
                        + "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n");
        UsersFile.add(users, User.create("kitchen", Role.DISPLAY, null, "kitchen-password"));

        CliRun run = exportToM(users);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("(1 of 2 users)")
                .contains("old pbkdf2-sha256")
                .contains("  ./onair users add work-pc --role publisher --id bob --file " + users);
        assertThat(Files.readString(dir.resolve("m/password_file")))
                .startsWith("kitchen:$7$")
                .doesNotContain("work-pc");
        // Its grants are ready for when it is added again.
        assertThat(Files.readString(dir.resolve("m/acl_file")))
                .contains("user work-pc\ntopic read onair/person/bob/set");
    }

    @Test
    void conf_hasTlsOnly_noAnonymous_clientIdsBoundToUsers_persistence() throws Exception {
        Path users = dir.resolve("users.yaml");
        UsersFile.add(users, User.create("viewer", Role.VIEWER, null, "viewer-password"));

        CliRun run = CliRun.run(
                "users",
                "export",
                "--format",
                "mosquitto",
                "--file",
                users.toString(),
                "--out",
                dir.resolve("m").toString(),
                "--mosquitto-dir",
                "/etc/mosquitto/onair",
                "--certs",
                "/etc/mosquitto/certs",
                "--port",
                "18883",
                "--ws-port",
                "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String conf = Files.readString(dir.resolve("m/mosquitto.conf"));
        assertThat(conf.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                .containsExactly(
                        "per_listener_settings false",
                        "allow_anonymous false",
                        "password_file /etc/mosquitto/onair/password_file",
                        "acl_file /etc/mosquitto/onair/acl_file",
                        "max_packet_size 66560",
                        "persistence true",
                        "autosave_interval 10",
                        "listener 18883",
                        "certfile /etc/mosquitto/certs/server.crt",
                        "keyfile /etc/mosquitto/certs/server.key",
                        "tls_version tlsv1.2",
                        "use_username_as_clientid true");
    }

    @Test
    void export_withBadOptions_orNoUsers_failsSayingWhy() throws Exception {
        Path users = dir.resolve("users.yaml");
        String out = dir.resolve("m").toString();

        CliRun empty = CliRun.run("users", "export", "--format", "mosquitto", "--file", users.toString(), "--out", out);
        CliRun format = CliRun.run("users", "export", "--format", "emqx", "--file", users.toString(), "--out", out);
        CliRun port = CliRun.run(
                "users",
                "export",
                "--format",
                "mosquitto",
                "--file",
                users.toString(),
                "--out",
                out,
                "--ws-port",
                "8883");

        assertThat(empty.exitCode()).isNotZero();
        assertThat(empty.err()).contains("no users in " + users);
        assertThat(format.exitCode()).isNotZero();
        assertThat(format.err()).contains("--format").contains("mosquitto");
        assertThat(port.exitCode()).isNotZero();
        assertThat(port.err()).contains("--ws-port");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    /** {@code onair users export --format mosquitto} of {@code users} into {@code dir/m}. */
    private CliRun exportToM(Path users) {
        return CliRun.run(
                "users",
                "export",
                "--format",
                "mosquitto",
                "--file",
                users.toString(),
                "--out",
                dir.resolve("m").toString());
    }
}
