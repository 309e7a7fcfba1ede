package dev.onair.runtime.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import dev.onair.protocol.Availability;
import dev.onair.protocol.topic.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

/** The HiveMQ client every node uses: MQTT 5, reconnect with backoff, TLS with {@link TlsTrust}, credentials, will. */
final class HiveMqClients {
    private HiveMqClients() {}

    static Mqtt5ClientBuilder build(BrokerSettings settings, String clientId, Topic availabilityTopic)
            throws IOException, GeneralSecurityException {
        BrokerAddress address = settings.address();
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(address.host())
                .serverPort(address.port())
                .automaticReconnect()
                .initialDelay(250, TimeUnit.MILLISECONDS)
                // A home broker that restarts is back within seconds: retry at least every 2 s (one TLS handshake
                // per node, nothing on a LAN), so the light is right again at once.
                .maxDelay(2, TimeUnit.SECONDS)
                .applyAutomaticReconnect();
        if (address.tls()) {
            builder = builder.sslConfig()
                    .trustManagerFactory(TlsTrust.trustManagerFactory(settings))
                    .protocols(TlsTrust.PROTOCOLS)
                    .applySslConfig();
        }
        if (settings.user() != null) {
            builder = builder.simpleAuth()
                    .username(settings.user())
                    .password(
                            settings.password() == null
                                    ? new byte[0]
                                    : settings.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        if (availabilityTopic != null) {
            builder = builder.willPublish()
                    .topic(availabilityTopic.name())
                    .payload(Availability.OFFLINE.payload())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .applyWillPublish();
        }
        return builder;
    }
}
