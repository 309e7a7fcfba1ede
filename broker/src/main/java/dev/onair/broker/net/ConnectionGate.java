package dev.onair.broker.net;

import dev.onair.broker.auth.LogText;
import dev.onair.broker.auth.LoginGuard;
import dev.onair.broker.auth.PasswordAuthenticator;
import dev.onair.broker.auth.SessionOwners;
import dev.onair.broker.auth.UserDirectory;
import dev.onair.broker.auth.WriteRules;
import dev.onair.broker.users.User;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OnAir's checks on each MQTT connection, in Moquette's pipeline just before its MQTT handler (see {@link
 * GateInstaller}). Moquette alone checks passwords on its network threads, lets wills skip the ACL, lets any user
 * take any client id and session, and stores any retained message the topic ACL allows (issue 11). Here:
 *
 * <ul>
 *   <li>CONNECT: the password is checked by {@link LoginGuard} off the network thread (reads from the client wait
 *       meanwhile); then the client id and the will (as a publish of the will) are checked ({@link ConnectCheck}).
 *       A refusal is one CONNACK with a reason and one log line. A session last owned by another user
 *       is started clean ({@link SessionOwners}). Moquette then sees the CONNECT with the gate's approval, which its
 *       authenticator ({@link PasswordAuthenticator}) requires.
 *   <li>PUBLISH: topic, retain flag and payload size against {@link WriteRules}; a refused publish is dropped and the
 *       connection closed, as the topic ACL does.
 *   <li>A failed TLS handshake is one log line with the peer's address.
 * </ul>
 */
final class ConnectionGate extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(ConnectionGate.class);

    private enum State {
        NEW,
        CHECKING,
        CONNECTING,
        OPEN,
        CLOSED
    }

    private final UserDirectory users;
    private final WriteRules rules;
    private final LoginGuard guard;
    private final ConnectCheck check;
    private final Queue<Object> held = new ArrayDeque<>();
    private State state = State.NEW;
    private String userName;

    ConnectionGate(UserDirectory users, WriteRules rules, LoginGuard guard, SessionOwners owners) {
        this.users = users;
        this.rules = rules;
        this.guard = guard;
        this.check = new ConnectCheck(users, rules, owners);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (state) {
            case OPEN -> {
                if (msg instanceof MqttPublishMessage p && !publishAllowed(ctx, p)) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                ctx.fireChannelRead(msg);
            }
            case CHECKING, CONNECTING -> held.add(msg);
            case CLOSED -> ReferenceCountUtil.release(msg);
            case NEW -> {
                if (msg instanceof MqttConnectMessage connect
                        && connect.decoderResult().isSuccess()) {
                    state = State.CHECKING;
                    ctx.channel().config().setAutoRead(false);
                    check(ctx, connect);
                } else {
                    ctx.fireChannelRead(msg); // Moquette answers anything else before CONNECT
                }
            }
        }
    }

    private void check(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        MqttConnectPayload payload = connect.payload();
        String user = connect.variableHeader().hasUserName() ? payload.userName() : null;
        byte[] password = connect.variableHeader().hasPassword() ? payload.passwordInBytes() : null;
        String address = host(ctx.channel().remoteAddress());
        guard.check(address, user, password).whenComplete((outcome, error) -> {
            // Decided off the network thread; the file write of a new session owner happens here too.
            ConnectCheck.Decision d = error != null
                    ? ConnectCheck.Decision.refuse(ConnectCheck.Reason.UNAVAILABLE, "login check failed: " + error)
                    : check.decide(connect, user, outcome);
            ctx.executor().execute(() -> finish(ctx, connect, user, d));
        });
    }

    private void finish(ChannelHandlerContext ctx, MqttConnectMessage connect, String name, ConnectCheck.Decision d) {
        if (!ctx.channel().isActive()) {
            state = State.CLOSED;
            releaseHeld();
            return;
        }
        String clientId = connect.payload().clientIdentifier();
        if (d.refusal() != null) {
            state = State.CLOSED;
            releaseHeld();
            log.warn(
                    "Refused connection from {}: client {} (user {}): {}",
                    peer(ctx),
                    LogText.of(clientId),
                    LogText.of(name),
                    d.why());
            int version = connect.variableHeader().version();
            ctx.writeAndFlush(MqttMessageBuilders.connAck()
                            .returnCode(ConnectCheck.code(d.refusal(), version == 5))
                            .sessionPresent(false)
                            .build())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        MqttConnectMessage forward = connect;
        if (d.forceClean()) {
            log.info(
                    "Client {} (user {}) takes over another user's session: it starts empty",
                    LogText.of(clientId),
                    LogText.of(name));
            forward = ConnectCheck.cleanStart(connect);
        }
        userName = name;
        state = State.CONNECTING;
        MqttConnectMessage approved = forward;
        PasswordAuthenticator.runApproved(name, () -> ctx.fireChannelRead(approved));
        ctx.fireChannelReadComplete();
    }

    /**
     * Moquette 0.18.3 marks a connection connected in a listener it adds to its CONNACK write from another thread; a
     * SUBSCRIBE that arrives before that listener ran is dropped with "SUBSCRIBE received on already closed
     * connection" and the connection closed. So what the client sends after CONNECT is held until the CONNACK is on
     * the wire, and a moment longer.
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (state == State.CONNECTING && msg instanceof io.netty.handler.codec.mqtt.MqttConnAckMessage) {
            promise.addListener(
                    f -> ctx.executor().schedule(() -> open(ctx), 20, java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        ctx.write(msg, promise);
    }

    private void open(ChannelHandlerContext ctx) {
        if (state != State.CONNECTING) {
            return;
        }
        if (!ctx.channel().isActive()) {
            state = State.CLOSED;
            releaseHeld();
            return;
        }
        state = State.OPEN;
        while (!held.isEmpty() && state == State.OPEN) {
            channelRead(ctx, held.poll());
        }
        releaseHeld();
        ctx.fireChannelReadComplete();
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        state = State.CLOSED;
        releaseHeld();
        super.channelInactive(ctx);
    }

    private boolean publishAllowed(ChannelHandlerContext ctx, MqttPublishMessage p) {
        String topic = p.variableHeader().topicName();
        Optional<User> user = users.find(userName);
        Optional<String> problem = user.isEmpty()
                ? Optional.of("user " + LogText.of(userName) + " no longer exists")
                : rules.refusal(
                        user.get(),
                        topic,
                        p.fixedHeader().isRetain(),
                        p.payload().readableBytes());
        if (problem.isEmpty()) {
            return true;
        }
        log.warn(
                "Denied publish to {} by user {} from {} ({}{} bytes): {}; dropped, client disconnected",
                LogText.of(topic),
                LogText.of(userName),
                peer(ctx),
                p.fixedHeader().isRetain() ? "retained, " : "",
                p.payload().readableBytes(),
                problem.get());
        state = State.CLOSED;
        ctx.close();
        return false;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isTls(cause)) {
            // Port scanners and clients without TLS land here; Moquette would log a stack trace for each.
            log.warn("TLS handshake failed from {}: {}", peer(ctx), LogText.of(rootMessage(cause)));
            state = State.CLOSED;
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private void releaseHeld() {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.poll());
        }
    }

    static boolean isTls(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof io.netty.handler.ssl.NotSslRecordException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable cause) {
        Throwable t = cause;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String peer(ChannelHandlerContext ctx) {
        SocketAddress a = ctx.channel().remoteAddress();
        return a instanceof InetSocketAddress i
                ? i.getAddress().getHostAddress() + ":" + i.getPort()
                : String.valueOf(a);
    }

    private static String host(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }
}
