package dev.onair.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnonymousLoginTest {
    @Test
    void anonymousConnect_mqtt311_getsTheUserNameAndPassword_restIntact() {
        MqttConnectMessage rewritten = rewrite(connect(MqttVersion.MQTT_3_1_1, null, null, true));

        assertThat(rewritten.variableHeader().hasUserName()).isTrue();
        assertThat(rewritten.variableHeader().hasPassword()).isTrue();
        assertThat(rewritten.payload().userName()).isEqualTo("onair-anonymous");
        assertThat(new String(rewritten.payload().passwordInBytes(), StandardCharsets.UTF_8))
                .isEqualTo("secret-pw");
        assertThat(rewritten.payload().clientIdentifier()).isEqualTo("sub-1");
        assertThat(rewritten.payload().willTopic()).isEqualTo("onair/x/will");
        assertThat(rewritten.variableHeader().isWillRetain()).isTrue();
        assertThat(rewritten.variableHeader().keepAliveTimeSeconds()).isEqualTo(60);
    }

    @Test
    void anonymousConnect_mqtt5_withProperties_isRewrittenToo() {
        MqttConnectMessage rewritten = rewrite(connect(MqttVersion.MQTT_5, null, null, false));

        assertThat(rewritten.variableHeader().version()).isEqualTo(5);
        assertThat(rewritten.payload().userName()).isEqualTo("onair-anonymous");
        assertThat(rewritten
                        .variableHeader()
                        .properties()
                        .getProperty(MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value())
                        .value())
                .isEqualTo(300);
    }

    @Test
    void connectWithAUserName_passesUnchanged() {
        ByteBuf original = connect(MqttVersion.MQTT_3_1_1, "alice", "alice-pw", false);
        byte[] before = ByteBufUtil.getBytes(original);

        EmbeddedChannel channel = new EmbeddedChannel(new AnonymousLogin("onair-anonymous", "secret-pw"));
        channel.writeInbound(original);

        assertThat(ByteBufUtil.getBytes(readAll(channel))).isEqualTo(before);
        assertThat(channel.pipeline().get(AnonymousLogin.class)).isNull();
    }

    @Test
    void connectSplitAcrossReads_andBytesAfterIt_arriveWhole() {
        ByteBuf connect = connect(MqttVersion.MQTT_3_1_1, null, null, false);
        byte[] bytes = ByteBufUtil.getBytes(connect);
        byte[] ping = {(byte) 0xC0, 0x00};
        EmbeddedChannel channel = new EmbeddedChannel(new AnonymousLogin("onair-anonymous", "secret-pw"));

        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, 1));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 1, 5));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(
                Unpooled.wrappedBuffer(bytes, 6, bytes.length - 6), Unpooled.wrappedBuffer(ping)));

        EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder());
        decoder.writeInbound(readAll(channel));
        MqttConnectMessage rewritten = decoder.readInbound();
        MqttMessage pingReq = decoder.readInbound();
        assertThat(rewritten.payload().userName()).isEqualTo("onair-anonymous");
        assertThat(pingReq.fixedHeader().messageType().value()).isEqualTo(12);
    }

    @Test
    void notAConnect_passesUnchanged() {
        byte[] ping = {(byte) 0xC0, 0x00};
        EmbeddedChannel channel = new EmbeddedChannel(new AnonymousLogin("onair-anonymous", "secret-pw"));

        channel.writeInbound(Unpooled.wrappedBuffer(ping.clone()));

        assertThat(ByteBufUtil.getBytes(readAll(channel))).isEqualTo(ping);
    }

    private static MqttConnectMessage rewrite(ByteBuf connect) {
        EmbeddedChannel channel = new EmbeddedChannel(new AnonymousLogin("onair-anonymous", "secret-pw"));
        channel.writeInbound(connect);
        EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder());
        decoder.writeInbound(readAll(channel));
        MqttConnectMessage message = decoder.readInbound();
        assertThat(message.decoderResult().isSuccess()).isTrue();
        return message;
    }

    private static ByteBuf readAll(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = channel.readInbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    private static ByteBuf connect(MqttVersion version, String user, String password, boolean will) {
        MqttMessageBuilders.ConnectBuilder builder = MqttMessageBuilders.connect()
                .protocolVersion(version)
                .clientId("sub-1")
                .keepAlive(60)
                .cleanSession(true);
        if (user != null) {
            builder.hasUser(true).username(user).hasPassword(true).password(password.getBytes(StandardCharsets.UTF_8));
        }
        if (will) {
            builder.willFlag(true)
                    .willTopic("onair/x/will")
                    .willMessage("offline".getBytes(StandardCharsets.UTF_8))
                    .willQoS(MqttQoS.AT_LEAST_ONCE)
                    .willRetain(true);
        }
        if (version == MqttVersion.MQTT_5) {
            MqttProperties props = new MqttProperties();
            props.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), 300));
            builder.properties(props);
        }
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        encoder.writeOutbound(builder.build());
        return readOutbound(encoder);
    }

    private static ByteBuf readOutbound(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }
}
