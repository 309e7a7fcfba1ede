package dev.onair.broker.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;

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
 */
final class WriteBacklog extends ChannelDuplexHandler {
    static final String NAME = "onair-write-backlog";

    /** Netty's default high water mark, the point at which Moquette used to stop writing. */
    static final int QOS0_LIMIT = WriteBufferWaterMark.DEFAULT.high();

    /** Out of reach: the channel's buffer never makes it unwritable (see the class comment). */
    static final WriteBufferWaterMark NEVER_UNWRITABLE =
            new WriteBufferWaterMark(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);

    /** Sets the water mark and puts the handler before Moquette's ({@code before}); idempotent. */
    static void install(ChannelPipeline pipeline, String before) {
        pipeline.channel().config().setWriteBufferWaterMark(NEVER_UNWRITABLE);
        if (pipeline.get(NAME) == null) {
            pipeline.addBefore(before, NAME, new WriteBacklog());
        }
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
