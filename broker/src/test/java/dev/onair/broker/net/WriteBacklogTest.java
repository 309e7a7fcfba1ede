package dev.onair.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's channel with a Receive Maximum's worth of QoS 1 PUBLISH waiting still reports itself writable, so
 * Moquette 0.18.3's {@code MQTTConnection.sendIfWritableElseDrop} never drops one it put in flight (issue 11); QoS 0
 * beyond {@link WriteBacklog#QOS0_LIMIT} waiting is dropped.
 */
class WriteBacklogTest {
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

    /** A channel with the pipeline shape of Moquette's: the OnAir handlers go before the one named "handler". */
    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(GateInstaller.MOQUETTE_HANDLER, new ChannelInboundHandlerAdapter());
        WriteBacklog.install(channel.pipeline(), GateInstaller.MOQUETTE_HANDLER);
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
