package dev.onair.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The load driver's MQTT clients: HiveMQ MQTT 5, TLS with the settings' CA, a large receive window. */
public final class Mqtt {
    private Mqtt() {}

    /**
     * Connects (clean start) and waits for the CONNACK.
     *
     * @param receiveMaximum how many QoS 1 messages the broker may send this client unacknowledged
     */
    public static Mqtt5AsyncClient connect(BrokerSettings settings, String clientId, int receiveMaximum)
            throws Exception {
        return connect(settings, clientId, receiveMaximum, cause -> {});
    }

    /**
     * Connects (clean start), waits for the CONNACK, and reports the cause if the connection later ends other than by
     * {@link #close}: e.g. the client's own "more QoS 1 messages than allowed by receive maximum".
     */
    public static Mqtt5AsyncClient connect(
            BrokerSettings settings, String clientId, int receiveMaximum, Consumer<String> onDropped) throws Exception {
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(settings.address().host())
                .serverPort(settings.address().port())
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        onDropped.accept(context.getSource() + ": " + context.getCause());
                    }
                });
        if (settings.address().tls()) {
            builder = builder.sslConfig()
                    .trustManagerFactory(TlsTrust.trustManagerFactory(settings))
                    .protocols(TlsTrust.PROTOCOLS)
                    .applySslConfig();
        }
        if (settings.user() != null) {
            builder = builder.simpleAuth()
                    .username(settings.user())
                    .password(settings.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        Mqtt5AsyncClient client = builder.buildAsync();
        client.connectWith()
                .cleanStart(true)
                .keepAlive(60)
                .restrictions()
                .receiveMaximum(receiveMaximum)
                .applyRestrictions()
                .send()
                .get(20, TimeUnit.SECONDS);
        return client;
    }

    /** Disconnects, waiting at most five seconds. */
    public static void close(Mqtt5AsyncClient client) {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // already gone
        }
    }
}
