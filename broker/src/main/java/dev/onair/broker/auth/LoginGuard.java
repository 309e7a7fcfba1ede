package dev.onair.broker.auth;

import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Password checks off the network threads (issue 11: 50 wrong-password loops stalled every connection for 13-30 s,
 * because each 0.3 s PBKDF2 check ran on one of Moquette's few Netty threads).
 *
 * <ul>
 *   <li>Checks run in small bounded pools; when the queue is full the login is refused at once ({@link
 *       Outcome#BUSY}) instead of queueing without end.
 *   <li>A (source address, user name) pair that failed {@value #FREE_FAILURES} times is refused without a check
 *       for 1 s, doubling up to 60 s; a success clears it. Another user from the same address is not affected.
 *   <li>An address whose logins failed {@value #ADDRESS_FREE_FAILURES} times (any user names, known or not) is
 *       refused the same way for every pair that has not logged in from it during the last day: an attacker that
 *       tries a new user name each time never reaches the per-pair back-off, and each try cost a full check.
 *   <li>A pair that logged in during the last day has its own lane, so a good client reconnecting is never queued
 *       behind an attack (from another address or its own: loopback included).
 *   <li>One address may have at most {@value #PER_ADDRESS} checks waiting in the shared lane.
 *   <li>An unknown user name is checked against a dummy hash of the full cost, and every failure is answered no
 *       sooner than such a check takes, so timing does not tell which user names exist. Refusals without a check
 *       (backing off, busy: their CONNACK code differs anyway) are answered after {@link #REFUSAL_DELAY}, which
 *       slows a client that reconnects in a loop to one TLS handshake a second instead of as many as the network
 *       threads can make; not after the full check time, which on a loaded Pi can pass Moquette's 10 s idle timeout
 *       (seen in bench/: the connection then closed without any answer).
 * </ul>
 */
public final class LoginGuard implements AutoCloseable {
    /** How a login ended. */
    public enum Outcome {
        ACCEPTED,
        BAD_CREDENTIALS,
        BACKING_OFF,
        BUSY
    }

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final Duration TRUSTED_FOR = Duration.ofDays(1);
    static final int PER_ADDRESS = 8;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration REFUSAL_DELAY = Duration.ofSeconds(1);
    private static final int MAX_TRACKED = 10_000;

    private record Key(String address, String user) {}

    private record Failures(int count, Instant until) {}

    private final UserDirectory users;
    private final Clock clock;
    private final String dummyHash = PasswordHash.unmatchable();
    private final CompletableFuture<Long> failureFloorNanos = new CompletableFuture<>();
    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();
    private final Map<Key, Instant> trusted = new ConcurrentHashMap<>();
    private final Map<String, Instant> goodAddresses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor shared;
    private final ThreadPoolExecutor trustedLane;
    private final ScheduledExecutorService delays;

    public LoginGuard(UserDirectory users, Clock clock) {
        this(users, clock, r -> daemon("onair-login-calibrate").newThread(r).start());
    }

    /**
     * @param calibration runs the one full-cost check that measures how long a failure must take: off the start
     *     path, because under C1 on a Pi one check takes seconds (issue 17); failures wait for it, logins do not
     */
    LoginGuard(UserDirectory users, Clock clock, java.util.concurrent.Executor calibration) {
        this.users = users;
        this.clock = clock;
        int cores = Runtime.getRuntime().availableProcessors();
        shared = pool("onair-login", Math.max(1, cores / 2), 32);
        trustedLane = pool("onair-login-known", 1, 32);
        delays = Executors.newSingleThreadScheduledExecutor(daemon("onair-login-delay"));
        calibration.execute(() -> {
            long start = System.nanoTime();
            PasswordHash.verify("not the password", dummyHash);
            failureFloorNanos.complete(System.nanoTime() - start);
        });
    }

    /** Checks {@code password} for {@code user} connecting from {@code address}; never blocks the caller. */
    public CompletableFuture<Outcome> check(String address, String user, byte[] password) {
        if (user == null || user.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.BAD_CREDENTIALS);
        }
        Key key = new Key(address, user);
        Instant now = clock.instant();
        Failures f = failures.get(key);
        if (backingOff(f, now)) {
            return refuseLater(Outcome.BACKING_OFF);
        }
        Instant known = trusted.get(key);
        boolean fastLane = known != null && now.isBefore(known.plus(TRUSTED_FOR));
        if (!fastLane && backingOff(failures.get(addressKey(address)), now)) {
            return refuseLater(Outcome.BACKING_OFF);
        }
        AtomicInteger queued = waiting.computeIfAbsent(address, a -> new AtomicInteger());
        if (!fastLane && queued.incrementAndGet() > PER_ADDRESS) {
            queued.decrementAndGet();
            return refuseLater(Outcome.BUSY);
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        Runnable task = () -> {
            if (!fastLane) {
                queued.decrementAndGet();
            }
            long start = System.nanoTime();
            boolean ok = verify(user, password);
            Outcome outcome = record(key, ok);
            if (ok) {
                result.complete(outcome);
                return;
            }
            failureFloorNanos.thenAccept(floor -> {
                long wait = floor - (System.nanoTime() - start);
                if (wait <= 0) {
                    result.complete(outcome);
                } else {
                    delays.schedule(() -> result.complete(outcome), wait, TimeUnit.NANOSECONDS);
                }
            });
        };
        try {
            (fastLane ? trustedLane : shared).execute(task);
        } catch (RejectedExecutionException e) {
            if (!fastLane) {
                queued.decrementAndGet();
            }
            return refuseLater(Outcome.BUSY);
        }
        return result;
    }

    /**
     * Whether a user logged in from {@code address} during the last day (the connection rate limit before TLS lets
     * such an address through; a failure does not clear it, as the address may be shared with an attacker).
     */
    public boolean knownAddress(String address) {
        Instant at = goodAddresses.get(address);
        return at != null && clock.instant().isBefore(at.plus(TRUSTED_FOR));
    }

    private static boolean backingOff(Failures f, Instant now) {
        return f != null && f.until() != null && now.isBefore(f.until());
    }

    /** The failures of every user name from one address share this key. */
    private static Key addressKey(String address) {
        return new Key(address, null);
    }

    /** A refusal without a check, answered after {@link #REFUSAL_DELAY} (see the class comment). */
    private CompletableFuture<Outcome> refuseLater(Outcome outcome) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        try {
            delays.schedule(() -> result.complete(outcome), REFUSAL_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            result.complete(outcome);
        }
        return result;
    }

    private boolean verify(String name, byte[] password) {
        Optional<User> user = users.find(name);
        String given = password == null ? null : new String(password, StandardCharsets.UTF_8);
        // The same work whether or not the user exists.
        boolean matches = PasswordHash.verify(
                given == null ? "" : given, user.map(User::passwordHash).orElse(dummyHash));
        return matches && user.isPresent() && given != null;
    }

    private Outcome record(Key key, boolean ok) {
        Instant now = clock.instant();
        if (ok) {
            failures.remove(key);
            if (trusted.size() >= MAX_TRACKED) {
                trusted.entrySet().removeIf(e -> !now.isBefore(e.getValue().plus(TRUSTED_FOR)));
            }
            trusted.put(key, now);
            if (goodAddresses.size() >= MAX_TRACKED) {
                goodAddresses.values().removeIf(at -> !now.isBefore(at.plus(TRUSTED_FOR)));
            }
            goodAddresses.put(key.address(), now);
            return Outcome.ACCEPTED;
        }
        trusted.remove(key);
        if (failures.size() >= MAX_TRACKED) {
            failures.entrySet()
                    .removeIf(e -> e.getValue().until() == null
                            || !now.isBefore(e.getValue().until()));
        }
        failures.compute(key, (k, old) -> failed(old, FREE_FAILURES, now));
        // Not cleared by a success: an attacker with one good login must not be able to reset its address.
        failures.compute(addressKey(key.address()), (k, old) -> failed(old, ADDRESS_FREE_FAILURES, now));
        return Outcome.BAD_CREDENTIALS;
    }

    /** One more failure: free up to {@code free}, then 1 s of back-off doubling up to 60 s. */
    private static Failures failed(Failures old, int free, Instant now) {
        int count = old == null ? 1 : old.count() + 1;
        if (count < free) {
            return new Failures(count, null);
        }
        long factor = 1L << Math.min(count - free, 10);
        Duration backoff = FIRST_BACKOFF.multipliedBy(factor);
        return new Failures(count, now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff));
    }

    @Override
    public void close() {
        shared.shutdownNow();
        trustedLane.shutdownNow();
        delays.shutdownNow();
    }

    private static ThreadPoolExecutor pool(String name, int threads, int queue) {
        return new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), daemon(name));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
