package dev.onair.broker.net;

import dev.onair.broker.auth.LoginGuard;
import dev.onair.broker.auth.SessionOwners;
import dev.onair.broker.auth.UserDirectory;
import dev.onair.broker.auth.WriteRules;
import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.Server;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link ConnectionGate} into the pipeline of every connection Moquette's TLS and WebSocket listeners accept,
 * just before Moquette's MQTT handler (pipeline name {@value #MOQUETTE_HANDLER}), from the first connection on.
 *
 * <p>Moquette 0.18.3 has no hook for this: it builds each pipeline itself and binds its listeners inside {@code
 * Server.startServer}. Its one call-back between making its Netty groups and binding is the TLS context creator, so
 * {@link #start} hands Moquette a creator that first swaps the listening channel class of Moquette's acceptor
 * ({@code NewNettyAcceptor.channelClass}, by reflection) for {@link GatedServerChannel}, whose pipeline carries the
 * gate's installer before the port is bound. A connection can therefore never reach Moquette without the gate (an
 * earlier version attached it after the port opened, and a CONNECT in that moment was refused as bad credentials).
 * If Moquette or Netty change so that this no longer holds, {@link #start} fails and the broker does not start; and
 * a connection that somehow passes no gate is refused anyway, because {@code PasswordAuthenticator} only accepts what
 * a gate approved.
 */
public final class GateInstaller {
    private static final Logger log = LoggerFactory.getLogger(GateInstaller.class);

    static final String MOQUETTE_HANDLER = "handler";
    static final String INSTALLER = "onair-gate-installer";
    static final String RATE_LIMIT = "onair-rate-limit";

    /**
     * The installer whose {@link #start} is running on this thread. Netty makes the listening channel through its
     * public no-argument constructor, on the thread that calls bind (Moquette's start), so this is how a {@link
     * GatedServerChannel} finds the broker it belongs to; several brokers may start at once in one JVM (tests).
     */
    private static final ThreadLocal<GateInstaller> BINDING = new ThreadLocal<>();

    private final UserDirectory users;
    private final WriteRules rules;
    private final LoginGuard guard;
    private final SessionOwners owners;
    private final ChannelHandler acceptor = new Acceptor();
    private final ConnectionRateLimit rateLimit;
    private final AtomicInteger gatedListeners = new AtomicInteger();
    /** Moquette's session-loop backlog, found when its listeners are gated (see {@link SessionBacklog}). */
    private volatile IntSupplier sessionBacklog = () -> 0;

    public GateInstaller(UserDirectory users, WriteRules rules, LoginGuard guard, SessionOwners owners) {
        this.users = users;
        this.rules = rules;
        this.guard = guard;
        this.owners = owners;
        this.rateLimit = new ConnectionRateLimit(guard::knownAddress);
    }

    /**
     * Runs {@code startServer} (Moquette's start, given the TLS context creator to pass on) so that every listener it
     * binds carries the gate (OnAir turns Moquette's plain listener off: these are its TLS and secure WebSocket ones).
     *
     * @param expected how many listeners Moquette must bind
     * @throws IllegalStateException when the gate could not be put on them (Moquette's or Netty's internals changed)
     */
    public void start(Server server, ISslContextCreator tls, int expected, MoquetteStart startServer)
            throws IOException {
        BINDING.set(this);
        try {
            startServer.start(() -> {
                gateListenersOf(server);
                return tls.initSSLContext();
            });
        } finally {
            BINDING.remove();
        }
        if (gatedListeners.get() != expected) {
            throw new IllegalStateException("cannot put OnAir's connection checks on Moquette's listeners: expected "
                    + expected + ", gated " + gatedListeners.get() + " (has Moquette changed?)");
        }
        log.debug("Connection gate on {} listener(s)", expected);
    }

    /** Moquette's {@code Server.startServer}, given the TLS context creator to use. */
    @FunctionalInterface
    public interface MoquetteStart {
        void start(ISslContextCreator tls) throws IOException;
    }

    /** Called by Moquette (through the TLS context creator) after it made its acceptor and before it binds. */
    private static void gateListenersOf(Server server) {
        try {
            Object acceptor = field(Server.class, "acceptor").get(server);
            Field channelClass = field(acceptor.getClass(), "channelClass");
            if (channelClass.get(acceptor) != NioServerSocketChannel.class) {
                throw new IllegalStateException("Moquette's listeners are " + channelClass.get(acceptor)
                        + ", not Netty's NIO channel (is netty.native on?); OnAir's connection checks cannot go on");
            }
            channelClass.set(acceptor, GatedServerChannel.class);
            GateInstaller installer = BINDING.get();
            if (installer != null) {
                installer.sessionBacklog = SessionBacklog.of(server);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot find Moquette's listeners (has Moquette changed?): " + e, e);
        }
    }

    /** The handler a {@link GatedServerChannel} puts first in its pipeline, from the installer binding it now. */
    static ChannelHandler acceptorForNewListener() {
        GateInstaller installer = BINDING.get();
        if (installer == null) {
            throw new IllegalStateException("a Moquette listener is being bound outside GateInstaller.start");
        }
        installer.gatedListeners.incrementAndGet();
        return installer.acceptor;
    }

    /** The per-address connection limit a {@link GatedServerChannel} puts before the acceptor (shared, like it). */
    static ChannelHandler rateLimitForNewListener() {
        GateInstaller installer = BINDING.get();
        if (installer == null) {
            throw new IllegalStateException("a Moquette listener is being bound outside GateInstaller.start");
        }
        return installer.rateLimit;
    }

    private void addGate(ChannelPipeline pipeline) {
        pipeline.addBefore(MOQUETTE_HANDLER, "onair-gate", new ConnectionGate(users, rules, guard, owners));
        WriteBacklog.install(pipeline, MOQUETTE_HANDLER, sessionBacklog);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** On the listening channel: each accepted connection gets an {@link Installer} ahead of Moquette's. */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel child) {
                child.pipeline().addFirst(INSTALLER, new Installer());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** Once Moquette has built the connection's pipeline (at registration), puts the gate before its handler. */
    private final class Installer extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRegistered(ChannelHandlerContext ctx) {
            if (ctx.pipeline().get(MOQUETTE_HANDLER) == null) {
                log.error("Moquette's pipeline has no '{}' handler; connection closed", MOQUETTE_HANDLER);
                ctx.close();
                return;
            }
            addGate(ctx.pipeline());
            ctx.pipeline().remove(this);
            ctx.fireChannelRegistered();
        }
    }
}
