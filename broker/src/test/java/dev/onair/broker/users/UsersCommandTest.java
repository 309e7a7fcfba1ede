package dev.onair.broker.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {
    @TempDir
    Path dir;

    @Test
    void add_withPassword_storesHashThatVerifies() throws IOException {
        Path file = dir.resolve("users.yaml");

        CliRun run = CliRun.run(
                "users",
                "add",
                "alice",
                "--role",
                "publisher",
                "--password",
                "alice-pass-1",
                "--file",
                file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Added alice (publisher, id alice)").doesNotContain("alice-pass-1");
        User alice = UsersFile.load(file).get("alice").orElseThrow();
        assertThat(alice.role()).isEqualTo(Role.PUBLISHER);
        assertThat(PasswordHash.verify("alice-pass-1", alice.passwordHash())).isTrue();
    }

    @Test
    void add_withPasswordStdin_storesTheFirstLine_andPrintsNoPassword() throws IOException {
        Path file = dir.resolve("users.yaml");
        InputStream stdin = System.in;
        CliRun run;
        try {
            System.setIn(new ByteArrayInputStream("0123456789abcdef\nignored\n".getBytes(StandardCharsets.UTF_8)));
            run = CliRun.run(
                    "users", "add", "main", "--role", "display", "--password-stdin", "--file", file.toString());
        } finally {
            System.setIn(stdin);
        }

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Added main (display, id main)").doesNotContain("0123456789abcdef");
        assertThat(PasswordHash.verify(
                        "0123456789abcdef",
                        UsersFile.load(file).get("main").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void add_withPasswordStdin_andEmptyInput_isAnError() {
        Path file = dir.resolve("users.yaml");
        InputStream stdin = System.in;
        CliRun run;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            run = CliRun.run(
                    "users", "add", "main", "--role", "display", "--password-stdin", "--file", file.toString());
        } finally {
            System.setIn(stdin);
        }

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--password-stdin: standard input is empty");
        assertThat(file).doesNotExist();
    }

    @Test
    void add_withoutPasswordOrConsole_generatesOnePrintedOnce() throws IOException {
        Path file = dir.resolve("users.yaml");

        CliRun run = CliRun.run("users", "add", "ha", "--role", "homeassistant", "--file", file.toString());

        assertThat(run.exitCode()).isZero();
        Matcher m = Pattern.compile("Password \\(shown only now, store it\\): (\\S+)")
                .matcher(run.out());
        assertThat(m.find()).isTrue();
        String generated = m.group(1);
        assertThat(run.out().indexOf(generated)).isEqualTo(run.out().lastIndexOf(generated));
        assertThat(PasswordHash.verify(
                        generated, UsersFile.load(file).get("ha").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void add_withMappedId_andList_showsNamesRolesIds_neverHashes() {
        Path file = dir.resolve("users.yaml");
        CliRun.run(
                "users",
                "add",
                "work-pc",
                "--role",
                "publisher",
                "--id",
                "bob",
                "--password",
                "bob-pass-12",
                "--file",
                file.toString());
        CliRun.run(
                "users", "add", "viewer", "--role", "viewer", "--password", "viewer-pass", "--file", file.toString());

        CliRun list = CliRun.run("users", "list", "--file", file.toString());

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsPattern("work-pc\\s+publisher\\s+bob").containsPattern("viewer\\s+viewer\\s+-");
        assertThat(list.out()).doesNotContain("pbkdf2").doesNotContain("bob-pass-12");
    }

    @Test
    void remove_deletesUser_andUnknownUserFails() throws IOException {
        Path file = dir.resolve("users.yaml");
        CliRun.run(
                "users", "add", "viewer", "--role", "viewer", "--password", "viewer-pass", "--file", file.toString());

        CliRun removed = CliRun.run("users", "remove", "viewer", "--file", file.toString());
        CliRun again = CliRun.run("users", "remove", "viewer", "--file", file.toString());

        assertThat(removed.exitCode()).isZero();
        assertThat(UsersFile.load(file).get("viewer")).isEmpty();
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("no user 'viewer'");
    }

    @Test
    void add_withBadRoleAndShortPassword_reportsBothErrors() {
        CliRun run = CliRun.run(
                "users",
                "add",
                "x",
                "--role",
                "admin",
                "--password",
                "short",
                "--file",
                dir.resolve("users.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("2 configuration errors")
                .contains("role 'admin' is unknown")
                .contains("at least 8 characters");
    }

    @Test
    void add_afterALegacyFile_keepsOtherLegacyEntries_andWritesTheNewUserInMosquittosForm() throws IOException {
        Path file = dir.resolve("users.yaml");
        String legacyAlice = LegacyHashes.pbkdf2Sha256("alice-pass-1", 1000);
        String legacyBob = LegacyHashes.pbkdf2Sha256("bob-pass-1", 1000);
        java.nio.file.Files.writeString(
                file,
                "users:\n  alice:\n    role: publisher\n    password: " + legacyAlice + "\n"
                        + "  bob:\n    role: publisher\n    password: " + legacyBob + "\n");

        CliRun run = CliRun.run(
                "users",
                "add",
                "alice",
                "--role",
                "publisher",
                "--password",
                "alice-pass-2",
                "--file",
                file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Users users = UsersFile.load(file);
        String alice = users.get("alice").orElseThrow().passwordHash();
        assertThat(alice).startsWith("$7$" + PasswordHash.ITERATIONS + "$");
        assertThat(PasswordHash.verify("alice-pass-2", alice)).isTrue();
        // Nobody else's entry changes: OnAir cannot re-hash without the password; it still verifies as before.
        assertThat(users.get("bob").orElseThrow().passwordHash()).isEqualTo(legacyBob);
        assertThat(PasswordHash.verify("bob-pass-1", legacyBob)).isTrue();
    }
}
