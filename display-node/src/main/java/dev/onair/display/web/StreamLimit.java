package dev.onair.display.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many event streams each client address holds open, and the most it may. A rule of its own beside the
 * {@link EventHub}'s total: without it, 64 anonymous streams from one address took every place and locked every other
 * dashboard out (issue 11). The address is the TCP peer's, never a forwarded-for header a client can write.
 */
final class StreamLimit {
    private final int perAddress;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    StreamLimit(int perAddress) {
        this.perAddress = perAddress;
    }

    int perAddress() {
        return perAddress;
    }

    /** Whether {@code address} is at its limit now (a cheap check before a stream is started). */
    boolean isFull(String address) {
        return open.getOrDefault(address, 0) >= perAddress;
    }

    /** Takes a place for {@code address}; false when it holds its limit already. */
    boolean tryAcquire(String address) {
        boolean[] taken = {false};
        open.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perAddress) {
                return count;
            }
            taken[0] = true;
            return count + 1;
        });
        return taken[0];
    }

    /** Gives back a place taken with {@link #tryAcquire}. */
    void release(String address) {
        open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
