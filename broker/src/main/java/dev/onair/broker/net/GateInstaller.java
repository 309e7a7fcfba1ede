package dev.onair.broker.net;

import dev.onair.broker.auth.LoginGuard;
import dev.onair.broker.auth.SessionOwners;
import dev.onair.broker.auth.UserDirectory;
import dev.onair.broker.auth.WriteRules;
import io.moquette.broker.Server;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioEventLoop;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link ConnectionGate} into the pipeline of every connection Moquette's TLS and WebSocket listeners accept,
 * just before Moquette's MQTT handler (pipeline name {@value #MOQUETTE_HANDLER}).
 *
 * <p>Moquette 0.18.3 has no hook for this: it builds each pipeline itself and keeps its listening channels private.
 * So this finds them (Moquette's acceptor, its Netty boss group, each event loop's selector: reflection on
 * {@code Server.acceptor}, {@code NewNettyAcceptor.bossGroup} and {@code NioEventLoop.unwrappedSelector()}) and
 * adds a handler that runs for each accepted connection before Moquette's initializer. If any of that changes in a
 * Moquette or Netty upgrade, {@link #install} fails and the broker does not start; and a connection that somehow
 * passes no gate is refused anyway, because {@code PasswordAuthenticator} only accepts what a gate approved.
 */
public final class GateInstaller {
    private static final Logger log = LoggerFactory.getLogger(GateInstaller.class);

    static final String MOQUETTE_HANDLER = "handler";

    private final UserDirectory users;
    private final WriteRules rules;
    private final LoginGuard guard;
    private final SessionOwners owners;

    public GateInstaller(UserDirectory users, WriteRules rules, LoginGuard guard, SessionOwners owners) {
        this.users = users;
        this.rules = rules;
        this.guard = guard;
        this.owners = owners;
    }

    /**
     * Attaches the gate to every listening channel of Moquette (OnAir turns Moquette's plain listener off, so these
     * are its TLS and secure WebSocket listeners).
     *
     * @param expected how many listeners Moquette must have
     * @throws IllegalStateException when they cannot be found (Moquette's or Netty's internals changed)
     */
    public void install(Server server, int expected) {
        List<Channel> listeners = listeners(server);
        // Moquette binds its listeners one after the other; give the last one a moment to show up in its selector.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (listeners.size() < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            listeners = listeners(server);
        }
        if (listeners.size() != expected) {
            throw new IllegalStateException("cannot put OnAir's connection checks on Moquette's listeners: expected "
                    + expected + ", found " + ports(listeners) + " (has Moquette changed?)");
        }
        for (Channel listener : listeners) {
            listener.pipeline().addFirst("onair-gate-installer", new Acceptor());
        }
        // Connections accepted between Moquette's bind and now (a client waiting for the port) get the gate too,
        // unless their CONNECT already came: PasswordAuthenticator refused that one.
        for (Channel early : channels(server, "workerGroup", false)) {
            early.eventLoop().execute(() -> addGate(early.pipeline()));
        }
        log.debug("Connection gate on ports {}", ports(listeners));
    }

    private void addGate(io.netty.channel.ChannelPipeline pipeline) {
        if (pipeline.get("onair-gate") == null && pipeline.get(MOQUETTE_HANDLER) != null) {
            pipeline.addBefore(MOQUETTE_HANDLER, "onair-gate", new ConnectionGate(users, rules, guard, owners));
            WriteBacklog.install(pipeline, MOQUETTE_HANDLER);
        }
    }

    private static List<Integer> ports(List<Channel> listeners) {
        return listeners.stream()
                .map(c -> ((InetSocketAddress) c.localAddress()).getPort())
                .toList();
    }

    private static List<Channel> listeners(Server server) {
        return channels(server, "bossGroup", true);
    }

    /** The channels registered with one of Moquette's event loop groups: listeners, or accepted connections. */
    private static List<Channel> channels(Server server, String group, boolean listening) {
        try {
            Object acceptor = field(Server.class, "acceptor").get(server);
            EventLoopGroup boss =
                    (EventLoopGroup) field(acceptor.getClass(), group).get(acceptor);
            Method selectorOf = NioEventLoop.class.getDeclaredMethod("unwrappedSelector");
            selectorOf.setAccessible(true);
            List<Channel> result = new ArrayList<>();
            for (var executor : boss) {
                NioEventLoop loop = (NioEventLoop) executor;
                Selector selector = (Selector) selectorOf.invoke(loop);
                // The key set may only be read on the loop's own thread.
                List<Channel> onLoop = loop.submit(() -> {
                            List<Channel> channels = new ArrayList<>();
                            for (SelectionKey key : selector.keys()) {
                                if (key.attachment() instanceof Channel c
                                        && c.isActive()
                                        && (c instanceof ServerChannel) == listening) {
                                    channels.add(c);
                                }
                            }
                            return channels;
                        })
                        .get(10, TimeUnit.SECONDS);
                result.addAll(onLoop);
            }
            return result;
        } catch (ReflectiveOperationException
                | ClassCastException
                | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot find Moquette's listeners: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
                child.pipeline().addFirst("onair-gate-installer", new Installer());
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
