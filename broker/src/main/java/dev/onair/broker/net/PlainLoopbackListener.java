package dev.onair.broker.net;

import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.lifecycle.Component;
import dev.onair.runtime.mqtt.TlsTrust;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain MQTT listener (port 1883), bound to the loopback address unless configured otherwise.
 *
 * <p>Moquette binds every listener to one {@code host}, so it cannot keep plain MQTT on loopback while TLS listens
 * on every interface. OnAir therefore turns Moquette's plain listener off and runs this one instead: it accepts plain
 * MQTT on its own address and relays each connection, byte for byte, over TLS to the broker's TLS listener on
 * {@code 127.0.0.1}. Clients on it authenticate like everyone else; only the transport differs.
 */
public final class PlainLoopbackListener implements Component {
    private static final Logger log = LoggerFactory.getLogger(PlainLoopbackListener.class);

    private final String bindAddress;
    private final int port;
    private final int tlsPort;
    private final X509Certificate brokerCa;
    private final String anonymousUser;
    private final String anonymousPassword;
    private EventLoopGroup group;
    private Channel server;

    /**
     * @param bindAddress where plain MQTT listens ({@code 127.0.0.1} by default)
     * @param port the plain MQTT port
     * @param tlsPort the broker's TLS port on {@code 127.0.0.1}
     * @param brokerCa the CA of the broker's own certificate, the only certificate this relay trusts
     */
    public PlainLoopbackListener(String bindAddress, int port, int tlsPort, X509Certificate brokerCa) {
        this(bindAddress, port, tlsPort, brokerCa, null, null);
    }

    /**
     * A listener that also lets clients without a user name in, as {@code anonymousUser} (an in-memory read-only user
     * of the broker; see {@link AnonymousLogin}). Only for a loopback address: the broker checks.
     */
    public PlainLoopbackListener(
            String bindAddress,
            int port,
            int tlsPort,
            X509Certificate brokerCa,
            String anonymousUser,
            String anonymousPassword) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.tlsPort = tlsPort;
        this.brokerCa = brokerCa;
        this.anonymousUser = anonymousUser;
        this.anonymousPassword = anonymousPassword;
    }

    @Override
    public void start() throws SSLException, InterruptedException {
        // Host names are not checked: the relay only ever talks to this process's own listener on 127.0.0.1,
        // whose certificate need not name 127.0.0.1; trusting only the broker's CA is what matters.
        SslContext client = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols(TlsTrust.PROTOCOLS)
                .trustManager(brokerCa)
                .endpointIdentificationAlgorithm(null)
                .build();
        group = new NioEventLoopGroup(1);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (anonymousUser != null) {
                            ch.pipeline().addLast(new AnonymousLogin(anonymousUser, anonymousPassword));
                        }
                        ch.pipeline().addLast(new Frontend(client));
                    }
                });
        ChannelFuture bind = bootstrap.bind(bindAddress, port).await();
        if (!bind.isSuccess()) {
            stop();
            throw new StartupException("plain MQTT port " + bindAddress + ":" + port + " cannot be opened ("
                    + bind.cause().getMessage() + "); free it or choose another with --port");
        }
        server = bind.channel();
        log.info(
                "Plain MQTT listening on {}:{} (relayed to the TLS listener{})",
                bindAddress,
                boundPort(),
                anonymousUser == null ? "" : "; clients without a user name may read");
    }

    /** The port actually bound (useful when configured as 0). */
    public int boundPort() {
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close().awaitUninterruptibly();
            server = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS)
                    .awaitUninterruptibly();
            group = null;
        }
    }

    @Override
    public String name() {
        return "plain MQTT listener";
    }

    /** One client connection: opens the TLS connection to the broker, then copies bytes both ways. */
    private final class Frontend extends ChannelInboundHandlerAdapter {
        private final SslContext client;
        private Channel backend;

        Frontend(SslContext client) {
            this.client = client;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel inbound = ctx.channel();
            Bootstrap b = new Bootstrap()
                    .group(inbound.eventLoop())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(client.newHandler(ch.alloc(), "127.0.0.1", tlsPort));
                            ch.pipeline().addLast(new Backend(inbound));
                        }
                    });
            ChannelFuture connect = b.connect("127.0.0.1", tlsPort);
            backend = connect.channel();
            connect.addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    log.warn(
                            "Plain MQTT relay cannot reach the TLS listener: {}",
                            f.cause().toString());
                    inbound.close();
                    return;
                }
                backend.pipeline().get(SslHandler.class).handshakeFuture().addListener(h -> {
                    if (h.isSuccess()) {
                        inbound.read();
                        backend.read();
                    } else {
                        log.warn(
                                "Plain MQTT relay TLS handshake failed: {}",
                                h.cause().toString());
                        inbound.close();
                        backend.close();
                    }
                });
            });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            backend.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    ctx.channel().read();
                } else {
                    f.channel().close();
                    ctx.channel().close();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (backend != null) {
                backend.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Plain MQTT client connection failed: {}", cause.toString());
            ctx.close();
        }
    }

    /** The TLS side of one relayed connection. */
    private static final class Backend extends ChannelInboundHandlerAdapter {
        private final Channel inbound;

        Backend(Channel inbound) {
            this.inbound = inbound;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            inbound.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    ctx.channel().read();
                } else {
                    ctx.channel().close();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inbound.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Plain MQTT relay connection to the broker failed: {}", cause.toString());
            ctx.close();
        }
    }
}
