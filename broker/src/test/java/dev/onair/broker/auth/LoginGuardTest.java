package dev.onair.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.auth.LoginGuard.Outcome;
import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.UsersFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Back-off per (address, user name) without slowing other users from the same address (issue 11). */
class LoginGuardTest {
    @TempDir
    Path tmp;

    private Instant now = Instant.parse("2026-12-01T22:00:00Z");
    private LoginGuard guard;

    @BeforeEach
    void start() throws Exception {
        Path file = tmp.resolve("users.yaml");
        UsersFile.add(file, new User("alice", Role.PUBLISHER, null, PasswordHash.hash("alice-password", 1000)));
        UsersFile.add(file, new User("bob", Role.PUBLISHER, null, PasswordHash.hash("bob-password", 1000)));
        UserDirectory users = new UserDirectory(file);
        users.load();
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        guard = new LoginGuard(users, clock);
    }

    @AfterEach
    void stop() {
        guard.close();
    }

    @Test
    void repeatedFailures_backOffThatPairOnly() throws Exception {
        for (int i = 0; i < LoginGuard.FREE_FAILURES; i++) {
            assertThat(check("127.0.0.1", "alice", "wrong")).isEqualTo(Outcome.BAD_CREDENTIALS);
        }

        assertThat(check("127.0.0.1", "alice", "alice-password")).isEqualTo(Outcome.BACKING_OFF);
        assertThat(check("127.0.0.1", "bob", "bob-password")).isEqualTo(Outcome.ACCEPTED);
        assertThat(check("10.0.0.7", "alice", "alice-password")).isEqualTo(Outcome.ACCEPTED);

        now = now.plus(LoginGuard.FIRST_BACKOFF).plusMillis(1);
        assertThat(check("127.0.0.1", "alice", "alice-password")).isEqualTo(Outcome.ACCEPTED);
        // The success cleared the record: one more mistake is not backed off.
        assertThat(check("127.0.0.1", "alice", "wrong")).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(check("127.0.0.1", "alice", "alice-password")).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void manyUserNamesFromOneAddress_backOffThatAddress_butNotLoginsKnownThere() throws Exception {
        assertThat(check("127.0.0.1", "alice", "alice-password")).isEqualTo(Outcome.ACCEPTED);
        // A new user name each time never reaches the per-pair back-off (issue 11's bad-login benchmark).
        for (int i = 0; i < LoginGuard.ADDRESS_FREE_FAILURES; i++) {
            assertThat(check("127.0.0.1", "guess-" + i, "x")).isEqualTo(Outcome.BAD_CREDENTIALS);
        }

        assertThat(check("127.0.0.1", "guess-next", "x")).isEqualTo(Outcome.BACKING_OFF);
        assertThat(check("127.0.0.1", "bob", "bob-password")).isEqualTo(Outcome.BACKING_OFF);
        assertThat(check("127.0.0.1", "alice", "alice-password")).isEqualTo(Outcome.ACCEPTED);
        assertThat(check("10.0.0.7", "guess-next", "x")).isEqualTo(Outcome.BAD_CREDENTIALS);

        now = now.plus(LoginGuard.FIRST_BACKOFF).plusMillis(1);
        assertThat(check("127.0.0.1", "bob", "bob-password")).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void backOff_doublesUpToAMinute() throws Exception {
        for (int i = 0; i < LoginGuard.FREE_FAILURES + 10; i++) {
            check("127.0.0.1", "mallory", "guess");
            now = now.plus(LoginGuard.MAX_BACKOFF).plusSeconds(1);
        }
        check("127.0.0.1", "mallory", "guess");

        now = now.plus(LoginGuard.MAX_BACKOFF).minusSeconds(1);
        assertThat(check("127.0.0.1", "mallory", "guess")).isEqualTo(Outcome.BACKING_OFF);
        now = now.plus(Duration.ofSeconds(2));
        assertThat(check("127.0.0.1", "mallory", "guess")).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    void unknownUser_andMissingPassword_areRefused() throws Exception {
        assertThat(check("127.0.0.1", "nobody", "alice-password")).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(guard.check("127.0.0.1", "alice", null).get(30, TimeUnit.SECONDS))
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(guard.check("127.0.0.1", null, null).get(30, TimeUnit.SECONDS))
                .isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    void startingTheGuard_doesNoFullCostCheck_goodLoginsDoNotWaitForIt_failuresDo() throws Exception {
        Path file = tmp.resolve("held.yaml");
        UsersFile.add(file, new User("alice", Role.PUBLISHER, null, PasswordHash.hash("alice-password", 1000)));
        UserDirectory users = new UserDirectory(file);
        users.load();
        List<Runnable> calibration = new CopyOnWriteArrayList<>();
        try (LoginGuard held = new LoginGuard(users, Clock.systemUTC(), calibration::add)) {
            assertThat(calibration).hasSize(1); // handed over, not run while starting

            CompletableFuture<Outcome> good = held.check("127.0.0.1", "alice", bytes("alice-password"));
            CompletableFuture<Outcome> bad = held.check("127.0.0.1", "alice", bytes("wrong"));
            assertThat(good.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.ACCEPTED);
            // Without the full-cost timing a failure would tell a cheap hash from an unknown name: it waits.
            assertThat(bad).isNotDone();

            calibration.get(0).run();
            assertThat(bad.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.BAD_CREDENTIALS);
        }
    }

    @Test
    void unmatchableHash_hasTheFullCost_andMatchesNothing() {
        String dummy = PasswordHash.unmatchable();

        assertThat(PasswordHash.isHash(dummy)).isTrue();
        assertThat(dummy).startsWith("$7$" + PasswordHash.ITERATIONS + "$");
        assertThat(PasswordHash.isMosquittoReadable(dummy)).isTrue();
        assertThat(PasswordHash.unmatchable()).isNotEqualTo(dummy);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Outcome check(String address, String user, String password) throws Exception {
        return guard.check(address, user, password.getBytes(StandardCharsets.UTF_8))
                .get(30, TimeUnit.SECONDS);
    }
}
