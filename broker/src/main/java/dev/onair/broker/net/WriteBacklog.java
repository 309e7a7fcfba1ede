package dev.onair.broker.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Keeps Moquette 0.18.3 from dropping acknowledged QoS 1 messages on the way to a subscriber (issue 11), and bounds what
 * a slow reader can make the broker buffer at QoS 0.
 *
 * <p>The defect, in Moquette 0.18.3's source: {@code MQTTConnection.sendIfWritableElseDrop} (MQTTConnection.java line
 * 923) writes a message only if {@code channel.isWritable()} at that instant and otherwise forgets it ("Dropping
 * message", debug level). {@code Session.sendPublishInFlightWindowOrQueueing} (Session.java line 302) and {@code
 * drainQueueToConnection} (line 459) check writability first, then put the message in the in-flight window, take a
 * send-quota slot, and call it on Moquette's session thread; Netty's event loop can push the channel over its high
 * water mark in between (TLS records, the socket's pace), and the message then stays "in flight" without ever being
 * sent: an MQTT 5 session never resends on the same connection (Session.java line 102), and when the packet ids wrap at
 * 65,535 the entry is overwritten and released (line 316). {@code MQTTConnection} is final, so the method cannot be
 * replaced; its only input can.
 *
 * <p>So the channel's high water mark is set out of reach: {@code isWritable()} stays true, Moquette never drops, and
 * what it writes unacknowledged is bounded by the subscriber's Receive Maximum (Moquette's send quota, honoured as
 * {@code ReceiveMaximumIT} shows) times the message size cap; once the quota is used up Moquette queues in the session
 * as before. QoS 0 has no such bound, so this handler drops a QoS 0 PUBLISH when the connection already has more than
 * {@link #QOS0_LIMIT} bytes waiting, which QoS 0 allows and Moquette did before at Netty's default mark.
 *
 * <p>That bound needs a small Receive Maximum, and an MQTT 5 client that states none gets 65,535 (the HiveMQ client's
 * default, which OnAir's nodes use): 65,535 unacknowledged 1 KiB messages are 70 MiB of direct buffers for one slow
 * subscriber, past the shipped {@code -XX:MaxDirectMemorySize=32m} ({@code OutOfMemoryError} in {@code bench/run
 * throughput} once publishes got faster, 2 December 2026). So this handler lowers a CONNECT's Receive Maximum to
 * {@link #SEND_QUOTA} before Moquette reads it; a server may always send fewer than the client allows, and Moquette
 * queues the rest in the session.
 *
 * <p>And it stops reading a connection that sent a PUBLISH while Moquette holds more than {@link #PAUSE_AT} % of what
 * it can of accepted, undelivered messages ({@link SessionBacklog}), until that is down to {@link #RESUME_AT} %
 * (checked every millisecond, at most {@link #MAX_PAUSE_MILLIS}: a client that publishes and subscribes must get to
 * acknowledge its own messages): TCP then slows the publishers, instead of their acknowledged messages piling up in
 * direct memory until Moquette closes them.
 */
final class WriteBacklog extends ChannelDuplexHandler {
    static final String NAME = "onair-write-backlog";

    /** Netty's default high water mark, the point at which Moquette used to stop writing. */
    static final int QOS0_LIMIT = WriteBufferWaterMark.DEFAULT.high();

    /** Out of reach: the channel's buffer never makes it unwritable (see the class comment). */
    static final WriteBufferWaterMark NEVER_UNWRITABLE =
            new WriteBufferWaterMark(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);

    /** The most QoS 1/2 messages Moquette sends a client unacknowledged (its send quota); MQTT 3.1.1 clients get 10. */
    static final int SEND_QUOTA = 1000;

    /** {@link SessionBacklog} percent at which a publisher's connection stops being read, and resumes. */
    static final int PAUSE_AT = 50;

    static final int RESUME_AT = 25;
    static final int MAX_PAUSE_MILLIS = 1000;

    private final IntSupplier sessionBacklog;
    private boolean paused;
    private int pausedMillis;

    private WriteBacklog(IntSupplier sessionBacklog) {
        this.sessionBacklog = sessionBacklog;
    }

    /**
     * Sets the water mark and puts the handler before Moquette's ({@code before}); idempotent.
     *
     * @param sessionBacklog how full Moquette is of accepted, undelivered messages, in percent
     */
    static void install(ChannelPipeline pipeline, String before, IntSupplier sessionBacklog) {
        pipeline.channel().config().setWriteBufferWaterMark(NEVER_UNWRITABLE);
        if (pipeline.get(NAME) == null) {
            pipeline.addBefore(before, NAME, new WriteBacklog(sessionBacklog));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof MqttConnectMessage connect
                && connect.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel()) {
            MqttProperties properties = connect.variableHeader().properties();
            MqttProperty<?> stated = properties.getProperty(MqttPropertyType.RECEIVE_MAXIMUM.value());
            if (stated == null || (Integer) stated.value() > SEND_QUOTA) {
                properties.add(new IntegerProperty(MqttPropertyType.RECEIVE_MAXIMUM.value(), SEND_QUOTA));
            }
        }
        boolean publish = msg instanceof MqttPublishMessage;
        super.channelRead(ctx, msg);
        if (publish && !paused && sessionBacklog.getAsInt() > PAUSE_AT) {
            paused = true;
            pausedMillis = 0;
            ctx.channel().config().setAutoRead(false);
            ctx.executor().schedule(() -> resumeWhenDrained(ctx), 1, TimeUnit.MILLISECONDS);
        }
    }

    private void resumeWhenDrained(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (sessionBacklog.getAsInt() > RESUME_AT && ++pausedMillis < MAX_PAUSE_MILLIS) {
            ctx.executor().schedule(() -> resumeWhenDrained(ctx), 1, TimeUnit.MILLISECONDS);
            return;
        }
        paused = false;
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof MqttPublishMessage p
                && p.fixedHeader().qosLevel() == MqttQoS.AT_MOST_ONCE
                && pending(ctx) > QOS0_LIMIT) {
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
            return;
        }
        super.write(ctx, msg, promise);
    }

    private static long pending(ChannelHandlerContext ctx) {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
