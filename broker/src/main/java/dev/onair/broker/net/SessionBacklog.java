package dev.onair.broker.net;

import io.moquette.broker.Server;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.lang.reflect.Field;
import java.util.Queue;
import java.util.function.IntSupplier;

/**
 * How full Moquette 0.18.3 is of accepted but undelivered messages, in percent: the larger of its fullest session-loop
 * queue against {@link #QUEUE_FULL} commands and the direct memory in use against the limit. {@link WriteBacklog}
 * stops reading PUBLISHes at {@link WriteBacklog#PAUSE_AT}.
 *
 * <p>Moquette acknowledges a QoS 1 PUBLISH once it has queued it for each subscriber's session loop ({@code
 * PostOffice.receivedPublishQos1}), not once the subscriber got it, and reads on whatever the loops' queues hold
 * ({@code session_queue_size}, 16,384 here). Each waiting PUBLISH keeps its direct buffer, so publishers faster than
 * one subscriber's session loop filled the shipped 32 MiB of direct memory ({@code OutOfMemoryError} in {@code
 * bench/run throughput}, 2 December 2026) and Moquette closed them. The queues are private ({@code PostOffice
 * .sessionLoops}, {@code SessionEventLoopGroup.sessionQueues}): read by reflection, like {@link GateInstaller}. The
 * same happens past the loops: a clean session's queue (beyond the subscriber's in-flight window) is an unbounded
 * in-memory list of those buffers (8,678 of them in a heap histogram of that run), hence the direct memory term.
 */
final class SessionBacklog implements IntSupplier {
    /** Session-loop commands that count as 100 %. */
    static final int QUEUE_FULL = 2048;

    private final Queue<?>[] queues;
    private final long maxDirect = Math.max(1, PlatformDependent.maxDirectMemory());

    private SessionBacklog(Queue<?>[] queues) {
        this.queues = queues;
    }

    /** The session-loop queues of {@code server}, once its {@code startServer} made them. */
    static SessionBacklog of(Server server) throws ReflectiveOperationException {
        Object postOffice = field(Server.class, "dispatcher").get(server);
        Object loops = field(postOffice.getClass(), "sessionLoops").get(postOffice);
        return new SessionBacklog(
                (Queue<?>[]) field(loops.getClass(), "sessionQueues").get(loops));
    }

    private volatile long measuredAt = System.nanoTime() - 2_000_000;
    private volatile int percent;

    /** The percentage, measured at most once a millisecond (every PUBLISH read asks). */
    @Override
    public int getAsInt() {
        long now = System.nanoTime();
        if (now - measuredAt >= 1_000_000) {
            percent = measure();
            measuredAt = now;
        }
        return percent;
    }

    private int measure() {
        int deepest = 0;
        for (Queue<?> q : queues) {
            deepest = Math.max(deepest, q.size());
        }
        // Pinned: bytes of buffers in use, not the pool's chunks (which it keeps after a burst).
        long direct = PooledByteBufAllocator.DEFAULT.pinnedDirectMemory();
        return (int) Math.max(deepest * 100L / QUEUE_FULL, direct * 100 / maxDirect);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
