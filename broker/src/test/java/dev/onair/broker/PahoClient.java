package dev.onair.broker;

import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** The Eclipse Paho MQTT 5 client, as an independent second implementation next to HiveMQ and mosquitto. */
final class PahoClient implements AutoCloseable {
    record Message(String topic, String payload, boolean retained, int qos) {}

    private final MqttClient client;
    final List<Message> received = new CopyOnWriteArrayList<>();

    private PahoClient(MqttClient client) {
        this.client = client;
    }

    /** Connects over TLS (ssl://host:port) with the settings' CA, user and password. */
    static PahoClient connect(BrokerSettings settings, String clientId) throws Exception {
        MqttClient client = new MqttClient(
                "ssl://" + settings.address().host() + ":" + settings.address().port(),
                clientId,
                new MemoryPersistence());
        PahoClient paho = new PahoClient(client);
        client.setCallback(paho.callback());
        client.connect(options(settings));
        return paho;
    }

    static MqttConnectionOptions options(BrokerSettings settings) throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, TlsTrust.trustManagerFactory(settings).getTrustManagers(), null);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(ssl.getSocketFactory());
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        if (settings.user() != null) {
            options.setUserName(settings.user());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    void subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1);
    }

    void publish(String topic, String payload, boolean retain) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(retain);
        client.publish(topic, m);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Message(
                        topic,
                        new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.isRetained(),
                        message.getQos()));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {}

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        };
    }
}
