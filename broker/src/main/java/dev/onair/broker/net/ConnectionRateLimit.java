package dev.onair.broker.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-source-address limit on new connections, on the listening channel ({@link GatedServerChannel}), so before
 * the TLS handshake (issue 11: the handshakes of 50 bad-login loops from one address, each refused by {@code
 * LoginGuard} after 1 s, took the 2 cores from the open connections' deliveries).
 *
 * <p>An address may open {@value #BURST} connections at once, then {@value #PER_SECOND} a second. A connection over
 * the limit is closed without a handshake, after {@link #REFUSAL_DELAY_MILLIS} ms (so a client reconnecting in a loop
 * waits rather than spins), and the address gets one log line a minute at most. An address a user logged in from
 * during the last day ({@code LoginGuard.knownAddress}) is not limited: a node or a person behind the same address as
 * an attacker is not slowed before TLS, where nothing tells them apart yet.
 */
@ChannelHandler.Sharable
final class ConnectionRateLimit extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionRateLimit.class);

    /** Connections an address may open at once: every node of {@code onair pi} after a broker restart, and more. */
    static final int BURST = 20;
    /** New connections an address may open a second once its burst is spent. */
    static final int PER_SECOND = 2;
    /** How long a refused connection is held open before it is closed. */
    static final long REFUSAL_DELAY_MILLIS = 1000;
    /** Refused connections held open at most (beyond, they are closed at once). */
    static final int MAX_HELD = 512;

    private static final int MAX_TRACKED = 10_000;
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long NANOS_PER_TOKEN = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;

    private final Predicate<String> known;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();

    /** @param known whether a user logged in from this address lately (not limited) */
    ConnectionRateLimit(Predicate<String> known) {
        this(known, System::nanoTime);
    }

    ConnectionRateLimit(Predicate<String> known, LongSupplier nanos) {
        this.known = known;
        this.nanos = nanos;
    }

    /** Tokens of one address; {@code full} is when its bucket is full again. */
    private static final class Bucket {
        long full;
        boolean logged;
        long lastLog;
        int refused;

        Bucket(long now) {
            full = now;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Channel child && !allowed(host(child.remoteAddress()))) {
            // Not registered yet: no TLS handshake has started, and none will.
            if (held.incrementAndGet() > MAX_HELD) {
                held.decrementAndGet();
                child.unsafe().closeForcibly();
                return;
            }
            ctx.channel()
                    .eventLoop()
                    .schedule(
                            () -> {
                                held.decrementAndGet();
                                child.unsafe().closeForcibly();
                            },
                            REFUSAL_DELAY_MILLIS,
                            TimeUnit.MILLISECONDS);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Takes a token for {@code address}, or says it has none left. */
    boolean allowed(String address) {
        if (known.test(address)) {
            return true;
        }
        long now = nanos.getAsLong();
        if (buckets.size() >= MAX_TRACKED) {
            buckets.values().removeIf(b -> b.full - now <= 0);
        }
        Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(now));
        synchronized (b) {
            if (b.full - now < 0) {
                b.full = now; // no more than a full bucket
            }
            if (b.full - now <= (BURST - 1) * NANOS_PER_TOKEN) {
                b.full += NANOS_PER_TOKEN;
                return true;
            }
            b.refused++;
            if (!b.logged || now - b.lastLog >= LOG_EVERY_NANOS) {
                log.warn(
                        "Connections from {} refused before TLS: over {} at once and {} a second ({} refused since the"
                                + " last such line)",
                        address,
                        BURST,
                        PER_SECOND,
                        b.refused);
                b.logged = true;
                b.lastLog = now;
                b.refused = 0;
            }
            return false;
        }
    }

    private static String host(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }
}
