package dev.onair.display.web;

import java.util.HashMap;
import java.util.Map;

/**
 * How many event streams each client address holds open, and the server in all, with the most each may. The
 * per-address rule stands beside the total: without it, 64 anonymous streams from one address took every place and
 * locked every other dashboard out (issue 11). The total bounds the memory the streams take (issue 15: 1,000 by
 * default). The address is the TCP peer's, never a forwarded-for header a client can write.
 */
final class StreamLimit {
    /** Why a stream was refused. */
    enum Refusal {
        ADDRESS_FULL,
        SERVER_FULL
    }

    private final int perAddress;
    private final int total;
    private final Map<String, Integer> open = new HashMap<>();
    private int openTotal;

    StreamLimit(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    int perAddress() {
        return perAddress;
    }

    int total() {
        return total;
    }

    /** Takes a place for {@code address}; null when taken, else why not. */
    synchronized Refusal tryAcquire(String address) {
        int count = open.getOrDefault(address, 0);
        if (count >= perAddress) {
            return Refusal.ADDRESS_FULL;
        }
        if (openTotal >= total) {
            return Refusal.SERVER_FULL;
        }
        open.put(address, count + 1);
        openTotal++;
        return null;
    }

    /** Gives back a place taken with {@link #tryAcquire}. */
    synchronized void release(String address) {
        Integer n = open.get(address);
        if (n == null) {
            return;
        }
        if (n <= 1) {
            open.remove(address);
        } else {
            open.put(address, n - 1);
        }
        openTotal--;
    }
}
