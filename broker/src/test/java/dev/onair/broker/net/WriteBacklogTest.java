package dev.onair.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's channel with a Receive Maximum's worth of QoS 1 PUBLISH waiting still reports itself writable, so
 * Moquette 0.18.3's {@code MQTTConnection.sendIfWritableElseDrop} never drops one it put in flight (issue 11); QoS 0
 * beyond {@link WriteBacklog#QOS0_LIMIT} waiting is dropped; an MQTT 5 client's Receive Maximum reaches Moquette as at
 * most {@link WriteBacklog#SEND_QUOTA}.
 */
class WriteBacklogTest {
    private static final int RECEIVE_MAXIMUM = MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value();

    @Test
    void aThousandUnsentQos1Publishes_leaveTheChannelWritable() {
        EmbeddedChannel channel = channel();
        for (int i = 1; i <= 1000; i++) {
            channel.write(publish(MqttQoS.AT_LEAST_ONCE, i)); // not flushed: waiting, as on a slow socket
        }
        assertThat(channel.isWritable())
                .as("writable with 1,000 x 1 KiB waiting")
                .isTrue();
        channel.flush();
        assertThat(channel.outboundMessages()).hasSize(1000);
        channel.finishAndReleaseAll();
    }

    @Test
    void qos0_isDroppedOnceTheBacklogPassesTheLimit_qos1IsNot() {
        EmbeddedChannel channel = channel();
        int waiting = 0;
        while (channel.unsafe().outboundBuffer().totalPendingWriteBytes() <= WriteBacklog.QOS0_LIMIT) {
            channel.write(publish(MqttQoS.AT_LEAST_ONCE, ++waiting));
        }
        channel.write(publish(MqttQoS.AT_MOST_ONCE, 0));
        channel.write(publish(MqttQoS.AT_LEAST_ONCE, ++waiting));
        channel.flush();
        assertThat(channel.outboundMessages()).hasSize(waiting);
        assertThat(channel.outboundMessages())
                .allSatisfy(
                        m -> assertThat(((MqttPublishMessage) m).fixedHeader().qosLevel())
                                .isEqualTo(MqttQoS.AT_LEAST_ONCE));
        channel.finishAndReleaseAll();
    }

    @Test
    void mqtt5Connect_withoutOrWithALargeReceiveMaximum_getsTheSendQuota_aSmallerOneIsKept() {
        assertThat(receiveMaximumMoquetteSees(null)).isEqualTo(WriteBacklog.SEND_QUOTA);
        assertThat(receiveMaximumMoquetteSees(65_535)).isEqualTo(WriteBacklog.SEND_QUOTA);
        assertThat(receiveMaximumMoquetteSees(WriteBacklog.SEND_QUOTA)).isEqualTo(WriteBacklog.SEND_QUOTA);
        assertThat(receiveMaximumMoquetteSees(10)).isEqualTo(10);
    }

    @Test
    void aPublishWhileMoquettesSessionLoopsAreBacklogged_stopsReading_untilTheyDrain() {
        AtomicInteger backlog = new AtomicInteger();
        EmbeddedChannel channel = channel(backlog::get);
        channel.writeInbound(publish(MqttQoS.AT_LEAST_ONCE, 1));
        assertThat(channel.config().isAutoRead()).as("backlog 0").isTrue();

        backlog.set(WriteBacklog.PAUSE_AT + 1);
        channel.writeInbound(publish(MqttQoS.AT_LEAST_ONCE, 2));
        assertThat(channel.config().isAutoRead()).as("backlog over PAUSE_AT").isFalse();

        backlog.set(WriteBacklog.RESUME_AT + 1);
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.config().isAutoRead()).as("still over RESUME_AT").isFalse();

        backlog.set(WriteBacklog.RESUME_AT);
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.config().isAutoRead()).as("drained").isTrue();
        assertThat(channel.inboundMessages()).as("nothing read was held back").hasSize(2);
        channel.finishAndReleaseAll();
    }

    @Test
    void aPauseEndsAfterItsLongest_evenIfTheBacklogStays() {
        EmbeddedChannel channel = channel(() -> 100);
        channel.writeInbound(publish(MqttQoS.AT_LEAST_ONCE, 1));
        for (int ms = 1; ms < WriteBacklog.MAX_PAUSE_MILLIS; ms++) {
            channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
        assertThat(channel.config().isAutoRead()).as("before its longest").isFalse();
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.config().isAutoRead()).as("at its longest").isTrue();
        channel.finishAndReleaseAll();
    }

    /** What Moquette's handler (after OnAir's) reads as an MQTT 5 CONNECT's Receive Maximum. */
    private static Integer receiveMaximumMoquetteSees(Integer stated) {
        EmbeddedChannel channel = channel();
        MqttProperties properties = new MqttProperties();
        if (stated != null) {
            properties.add(new MqttProperties.IntegerProperty(RECEIVE_MAXIMUM, stated));
        }
        channel.writeInbound(MqttMessageBuilders.connect()
                .clientId("sink")
                .protocolVersion(MqttVersion.MQTT_5)
                .properties(properties)
                .build());
        MqttConnectMessage seen = channel.readInbound();
        channel.finishAndReleaseAll();
        MqttProperties.MqttProperty<?> p = seen.variableHeader().properties().getProperty(RECEIVE_MAXIMUM);
        return p == null ? null : (Integer) p.value();
    }

    /** A channel with the pipeline shape of Moquette's: the OnAir handlers go before the one named "handler". */
    private static EmbeddedChannel channel() {
        return channel(() -> 0);
    }

    private static EmbeddedChannel channel(IntSupplier sessionBacklog) {
        EmbeddedChannel channel = new EmbeddedChannel();
        // Stands for Moquette's handler; passes reads on, so a test can see what it was given.
        channel.pipeline().addLast(GateInstaller.MOQUETTE_HANDLER, new ChannelInboundHandlerAdapter());
        WriteBacklog.install(channel.pipeline(), GateInstaller.MOQUETTE_HANDLER, sessionBacklog);
        return channel;
    }

    private static MqttPublishMessage publish(MqttQoS qos, int packetId) {
        return MqttMessageBuilders.publish()
                .topicName("onair/person/alice/presence")
                .qos(qos)
                .messageId(packetId)
                .payload(Unpooled.wrappedBuffer(new byte[1024]))
                .build();
    }
}
