package dev.onair.publisher.setup;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One real MQTT CONNECT with the answers given, over TLS pinned on the confirmed CA, without the reconnecting the
 * nodes do: the broker's CONNACK says at once whether the password is right.
 */
final class LoginCheck {
    /** Why the login failed, and whether the password is what to fix. */
    record Failure(String message, boolean badPassword) {}

    private LoginCheck() {}

    static Optional<Failure> login(BrokerSettings settings, Duration timeout) {
        Mqtt5AsyncClient client;
        try {
            client = MqttClient.builder()
                    .useMqttVersion5()
                    // Not a node's id (CONTRACT.md section 2 reserves those for their own user).
                    .identifier("onair-setup-" + UUID.randomUUID().toString().substring(0, 8))
                    .serverHost(settings.address().host())
                    .serverPort(settings.address().port())
                    .sslConfig()
                    .trustManagerFactory(TlsTrust.trustManagerFactory(settings))
                    .protocols(TlsTrust.PROTOCOLS)
                    .applySslConfig()
                    .simpleAuth()
                    .username(settings.user())
                    .password(settings.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth()
                    .buildAsync();
        } catch (Exception e) {
            return Optional.of(new Failure("cannot set up TLS: " + e.getMessage(), false));
        }
        try {
            client.connectWith().cleanStart(true).send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            client.disconnect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Mqtt5ConnAckException refused) {
                Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
                if (code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD) {
                    return Optional.of(new Failure(
                            "the broker refused the password for user " + settings.user() + ": check it (on the Pi, "
                                    + "onair users add " + settings.user() + " --role publisher makes a new one)",
                            true));
                }
                return Optional.of(new Failure(
                        "the broker refused user " + settings.user() + " (" + code + "): is it a publisher user for "
                                + "this person id? (onair users list on the Pi)",
                        false));
            }
            return Optional.of(new Failure(
                    "cannot log in at " + settings.address() + ": " + (cause == null ? e : cause.getMessage()), false));
        } catch (TimeoutException e) {
            client.disconnect();
            return Optional.of(new Failure(
                    "no answer from " + settings.address() + " within " + timeout.toSeconds() + " s", false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Failure("interrupted", false));
        }
    }
}
