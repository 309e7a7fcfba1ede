package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.secret.PrivateKeyring;
import dev.onair.testsupport.TestClient;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path a new user takes (issue 14): {@code onair publisher setup}, then {@code onair publisher} and {@code onair
 * set} with no {@code --config}, each in its own JVM: both find the per-user file setup wrote
 * ({@code $XDG_CONFIG_HOME/onair/publisher.yaml}) and the password in the store setup chose, the owner-only file or
 * the real Secret Service.
 */
class UserConfigIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void users() {
        broker.addUser("alice", Role.PUBLISHER);
        broker.addUser("bob", Role.PUBLISHER);
        broker.addUser("viewer", Role.VIEWER);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void publisherAndSet_withoutConfig_readTheFileSetupWrote_passwordInTheOwnerOnlyFile() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        // No Secret Service answers here: setup falls back to the owner-only file.
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-bus"));
        Path yaml = dir.resolve("xdg").resolve("onair").resolve("publisher.yaml");

        String said = setup(env, "alice");
        assertThat(said).contains("Password kept in file:" + yaml.resolveSibling("password"));

        Path logs = Files.createDirectories(dir.resolve("teams-logs"));
        Files.writeString(logs.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(TrayIT.LINE, "Available"));
        Path publisherOut = dir.resolve("publisher.out");
        start(env, publisherOut, "publisher", "--teams-logs=" + logs, "--teams-process-check=off");
        Wire.awaitAvailability(broker, "alice", "online");
        await().atMost(Duration.ofMinutes(1))
                .until(() -> Files.readString(publisherOut).contains("Configuration read from " + yaml + " (yours"));

        String set = run(env, "", "set", "busy", "--for", "30m");
        assertThat(set).contains("Sent").contains("Configuration read from " + yaml);
        Wire.awaitPresence(
                broker, "alice", p -> p.status() == Status.BUSY && p.source().equals("override"));
        assertThat(Files.readString(publisherOut) + set).doesNotContain(broker.password("alice"));
    }

    @Test
    void set_withoutConfig_takesThePasswordFromTheSecretService() throws Exception {
        try (PrivateKeyring keyring = new PrivateKeyring(dir.resolve("keyring"))) {
            Map<String, String> env = new HashMap<>();
            env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
            env.put("DBUS_SESSION_BUS_ADDRESS", keyring.busAddress());

            assertThat(setup(env, "bob")).contains("Password kept in secret-service:onair/bob");
            assertThat(Files.readString(dir.resolve("xdg/onair/publisher.yaml")))
                    .contains("password-store: secret-service:onair/bob")
                    .doesNotContain(broker.password("bob"));

            try (TestClient bob = TestClient.connect(broker.settings("bob"), "onair-bob-watch")) {
                assertThat(bob.subscribe("onair/person/bob/set")).isTrue();
                String set = run(env, "", "set", "do_not_disturb");
                assertThat(set).contains("Sent").doesNotContain(broker.password("bob"));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> bob.received("onair/person/bob/set").stream()
                                .anyMatch(m -> m.payload().contains("do_not_disturb")));
            }
        }
    }

    /** {@code onair publisher setup} from flags, the password on stdin, no install: what it printed. */
    private String setup(Map<String, String> env, String person) throws Exception {
        return run(
                env,
                broker.password(person) + "\nn\n", // the password, then: not now for start at login
                "publisher",
                "setup",
                "--broker=" + broker.tlsUrl(),
                "--ca-sha256=" + broker.caSha256(),
                "--person=" + person,
                "--password-stdin");
    }

    /** Runs {@code onair <args>} to its end; it must succeed; what it printed. */
    private String run(Map<String, String> env, String stdin, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "onair-", ".out");
        Process p = start(env, out, args);
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(3, TimeUnit.MINUTES))
                .as("onair " + String.join(" ", args) + " ends")
                .isTrue();
        String said = Files.readString(out);
        assertThat(p.exitValue())
                .as("onair " + String.join(" ", args) + ": " + said)
                .isZero();
        return said;
    }

    private Process start(Map<String, String> env, Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(PublisherJvm.command());
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        pb.environment().remove("ONAIR_CONFIG");
        Process p = pb.start();
        processes.add(p);
        return p;
    }
}
