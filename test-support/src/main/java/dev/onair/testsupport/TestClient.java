package dev.onair.testsupport;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A plain MQTT 5 test client (HiveMQ) that records every message it receives, so tests can assert on the wire:
 *
 * <pre>{@code
 * try (TestClient viewer = TestClient.connect(broker.settings("viewer"), "viewer-1")) {
 *     viewer.subscribe("onair/#");
 *     await().until(() -> viewer.received().size() == 1);
 *     assertThat(viewer.received().get(0)).isEqualTo(new Received("onair/person/alice/presence", json, true, 1));
 * }
 * }</pre>
 */
public final class TestClient implements AutoCloseable {
    /** One received message. */
    public record Received(String topic, String payload, boolean retain, int qos) {}

    private final Mqtt5BlockingClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestClient(Mqtt5BlockingClient client) {
        this.client = client;
    }

    /** Connects with a clean session (TLS when the settings say so, with their CA). */
    public static TestClient connect(BrokerSettings settings, String clientId) {
        return connect(settings, clientId, true, false);
    }

    /**
     * Connects.
     *
     * @param cleanStart false to resume (or create) a persistent session that expires after a week (Moquette 0.18.3
     *     mishandles the MQTT 5 "never expires" value 0xFFFFFFFF: such a session gets no queued messages)
     * @param webSocket true to use MQTT over secure WebSocket at path {@code /mqtt} (give the WebSocket port in the
     *     settings' address)
     */
    public static TestClient connect(BrokerSettings settings, String clientId, boolean cleanStart, boolean webSocket) {
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(settings.address().host())
                .serverPort(settings.address().port());
        if (settings.address().tls()) {
            try {
                builder = builder.sslConfig()
                        .trustManagerFactory(TlsTrust.trustManagerFactory(settings))
                        .protocols(TlsTrust.PROTOCOLS)
                        .applySslConfig();
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the CA: " + e, e);
            }
        }
        if (webSocket) {
            builder = builder.webSocketConfig().serverPath("mqtt").applyWebSocketConfig();
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
        Mqtt5BlockingClient client = builder.buildBlocking();
        TestClient test = new TestClient(client);
        client.toAsync()
                .publishes(
                        com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL,
                        p -> test.received.add(new Received(
                                p.getTopic().toString(),
                                new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8),
                                p.isRetain(),
                                p.getQos().getCode())));
        try {
            client.toAsync()
                    .connectWith()
                    .cleanStart(cleanStart)
                    .sessionExpiryInterval(cleanStart ? 0 : 7 * 24 * 3600)
                    .send()
                    .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // e.g. Mqtt5ConnAckException for a refused login, as the blocking API throws it
            }
            throw new IllegalStateException("connect failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no CONNACK within 30 s from " + settings.address(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return test;
    }

    /**
     * Subscribes at QoS 1.
     *
     * @return whether the broker granted the subscription (false when the ACL refused it)
     */
    public boolean subscribe(String filter) {
        return !subscribeReason(filter).isError();
    }

    /** The reason code the broker gave a subscription to {@code filter} (an error code when refused). */
    public Mqtt5SubAckReasonCode subscribeReason(String filter) {
        try {
            // Bounded: a connection the broker dropped without closing TCP would otherwise wait forever.
            Mqtt5SubAck ack = client.toAsync()
                    .subscribeWith()
                    .topicFilter(filter)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .get(15, TimeUnit.SECONDS);
            return ack.getReasonCodes().get(0);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Mqtt5SubAckException refused) {
                return refused.getMqttMessage().getReasonCodes().get(0);
            }
            throw new IllegalStateException("subscribe to " + filter + " failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no SUBACK for " + filter + " within 15 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes and, for QoS 1, waits up to 10 s for the broker's acknowledgement.
     *
     * @throws IllegalStateException when the broker does not acknowledge (e.g. it refused the publish and closed the
     *     connection)
     */
    public void publish(String topic, String payload, int qos, boolean retain) {
        try {
            publishAsync(topic, payload, qos, retain).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publish to " + topic + " was not acknowledged: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes without waiting; the future completes when the broker acknowledged (QoS 1) or it was sent. */
    public CompletableFuture<?> publishAsync(String topic, String payload, int qos, boolean retain) {
        return client.toAsync()
                .publishWith()
                .topic(topic)
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.fromCode(qos))
                .retain(retain)
                .send();
    }

    /** Every message received so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The messages received on {@code topic}. */
    public List<Received> received(String topic) {
        return received.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    public boolean isConnected() {
        return client.getState().isConnected();
    }

    /** Disconnects normally (a persistent session stays on the broker). */
    @Override
    public void close() {
        if (client.getState().isConnected()) {
            client.disconnect();
        } else {
            // stop any automatic reconnect and fail pending publishes
            client.toAsync().disconnect();
        }
    }
}
