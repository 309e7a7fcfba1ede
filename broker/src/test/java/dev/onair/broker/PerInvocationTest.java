package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.users.User;
import dev.onair.broker.users.UsersFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin commands run where the nodes' ONAIR_* variables are set (a compose service, a systemd unit); those
 * variables must not slip into a user's id or password, or a certificate's host name.
 */
class PerInvocationTest {
    @TempDir
    Path tmp;

    @Test
    void usersAdd_ignoresTheDisplaysIdAndPasswordVariables_butTakesTheUsersFile() throws Exception {
        Path file = tmp.resolve("users.yaml");
        Map<String, String> env = Map.of(
                "ONAIR_ID", "main",
                "ONAIR_PASSWORD", "display-password",
                "ONAIR_FILE", file.toString());

        CliRun alice = CliRun.runWith(env, "users", "add", "alice", "--role", "publisher", "--password", "alice-pass");
        CliRun bridge = CliRun.runWith(env, "users", "add", "bridge", "--role", "bridge", "--password", "bridge-pw");

        assertThat(alice.exitCode()).as(alice.err()).isZero();
        assertThat(bridge.exitCode()).as(bridge.err()).isZero();
        assertThat(UsersFile.load(file).get("alice")).map(User::id).contains("alice");
        assertThat(UsersFile.load(file).get("bridge")).map(User::id).isEmpty();
    }

    @Test
    void certs_ignoresTheBrokersHostVariable() {
        CliRun run = CliRun.runWith(
                Map.of(
                        "ONAIR_HOST",
                        "0.0.0.0",
                        "ONAIR_OUT",
                        tmp.resolve("certs").toString()),
                "certs");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--host");
    }
}
