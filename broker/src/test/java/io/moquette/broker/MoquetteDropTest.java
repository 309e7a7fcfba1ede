package io.moquette.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.moquette.broker.config.MemoryConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The Moquette 0.18.3 behaviour {@code dev.onair.broker.net.WriteBacklog} works around (issue 11), pinned so that an
 * upgrade that changes it shows up: its connection writes nothing, not even a QoS 1 PUBLISH its session has already
 * put in flight, while the channel reports itself not writable. In this package because the class is package-private.
 */
class MoquetteDropTest {
    @Test
    void moquettesConnection_dropsAQos1PublishWhileTheChannelIsNotWritable() {
        EmbeddedChannel channel = new EmbeddedChannel();
        MQTTConnection connection = new MQTTConnection(
                channel, new BrokerConfiguration(new MemoryConfig(new Properties())), null, null, null);

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        connection.sendPublish(publish(1));
        assertThat((Object) channel.readOutbound())
                .as("sent while not writable")
                .isNull();

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        connection.sendPublish(publish(2));
        MqttPublishMessage sent = channel.readOutbound();
        assertThat(sent.variableHeader().packetId()).as("sent once writable").isEqualTo(2);
        sent.release();
        channel.finishAndReleaseAll();
    }

    private static MqttPublishMessage publish(int packetId) {
        return MQTTConnection.createPublishMessage(
                "onair/person/alice/presence",
                MqttQoS.AT_LEAST_ONCE,
                Unpooled.copiedBuffer("m" + packetId, StandardCharsets.UTF_8),
                packetId,
                false,
                false);
    }
}
