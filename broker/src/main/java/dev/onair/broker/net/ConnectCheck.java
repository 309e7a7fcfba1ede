package dev.onair.broker.net;

import dev.onair.broker.auth.ClientIds;
import dev.onair.broker.auth.LogText;
import dev.onair.broker.auth.LoginGuard.Outcome;
import dev.onair.broker.auth.SessionOwners;
import dev.onair.broker.auth.UserDirectory;
import dev.onair.broker.auth.WriteRules;
import dev.onair.broker.users.User;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import java.util.Optional;

/**
 * What {@link ConnectionGate} decides about a CONNECT once the password check is done: the client id ({@link
 * ClientIds}), the will (checked by {@link WriteRules} as a publish of the will), whether a session last owned by
 * another user must start clean ({@link SessionOwners}), and the CONNACK code of a refusal for each MQTT version.
 */
final class ConnectCheck {
    private final UserDirectory users;
    private final WriteRules rules;
    private final SessionOwners owners;

    ConnectCheck(UserDirectory users, WriteRules rules, SessionOwners owners) {
        this.users = users;
        this.rules = rules;
        this.owners = owners;
    }

    enum Reason {
        BAD_CREDENTIALS,
        NOT_AUTHORIZED,
        IDENTIFIER,
        UNAVAILABLE
    }

    record Decision(Reason refusal, String why, boolean forceClean) {
        static Decision refuse(Reason reason, String why) {
            return new Decision(reason, why, false);
        }
    }

    Decision decide(MqttConnectMessage connect, String name, Outcome outcome) {
        switch (outcome) {
            case BAD_CREDENTIALS -> {
                return Decision.refuse(
                        Reason.BAD_CREDENTIALS, name == null ? "no user name" : "unknown user or wrong password");
            }
            case BACKING_OFF -> {
                return Decision.refuse(Reason.UNAVAILABLE, "too many failed logins for this user from this address");
            }
            case BUSY -> {
                return Decision.refuse(Reason.UNAVAILABLE, "too many logins waiting for a password check");
            }
            default -> {
                // ACCEPTED
            }
        }
        Optional<User> found = users.find(name);
        if (found.isEmpty()) {
            return Decision.refuse(Reason.BAD_CREDENTIALS, "user removed during the check");
        }
        User user = found.get();
        String clientId = connect.payload().clientIdentifier();
        Optional<String> idProblem = ClientIds.refusal(user, clientId);
        if (idProblem.isPresent()) {
            return Decision.refuse(Reason.IDENTIFIER, idProblem.get());
        }
        MqttConnectVariableHeader h = connect.variableHeader();
        if (h.isWillFlag()) {
            byte[] will = connect.payload().willMessageInBytes();
            String topic = connect.payload().willTopic();
            Optional<String> willProblem = rules.refusal(user, topic, h.isWillRetain(), will == null ? 0 : will.length);
            if (willProblem.isPresent()) {
                return Decision.refuse(
                        Reason.NOT_AUTHORIZED, "will on " + LogText.of(topic) + ": " + willProblem.get());
            }
        }
        boolean takeover = clientId != null && !clientId.isEmpty() && owners.claim(clientId, name);
        return new Decision(null, null, takeover && !h.isCleanSession());
    }

    static MqttConnectReturnCode code(Reason reason, boolean v5) {
        return switch (reason) {
            case BAD_CREDENTIALS ->
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                        : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
            case NOT_AUTHORIZED ->
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
            case IDENTIFIER ->
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID
                        : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
            case UNAVAILABLE ->
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY
                        : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
        };
    }

    /** The same CONNECT with clean start set: the session another user owned is not handed over. */
    static MqttConnectMessage cleanStart(MqttConnectMessage connect) {
        MqttConnectVariableHeader h = connect.variableHeader();
        return new MqttConnectMessage(
                connect.fixedHeader(),
                new MqttConnectVariableHeader(
                        h.name(),
                        h.version(),
                        h.hasUserName(),
                        h.hasPassword(),
                        h.isWillRetain(),
                        h.willQos(),
                        h.isWillFlag(),
                        true,
                        h.keepAliveTimeSeconds(),
                        h.properties()),
                connect.payload());
    }
}
