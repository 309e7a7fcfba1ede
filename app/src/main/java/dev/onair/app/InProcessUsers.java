package dev.onair.app;

import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MQTT users for nodes that run in the broker's own process ({@code onair pi}): made at start-up with random
 * passwords, held only in memory, gone when the process ends. Nobody has to create users for the Pi's own nodes, and
 * no password for them is ever written to disk.
 */
final class InProcessUsers {
    /** Names start with this, so they never meet a users-file name an operator chose. */
    static final String PREFIX = "onair-pi-";

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final List<User> users = new ArrayList<>();

    /** Adds a user for a node and returns its name. */
    String add(String node, Role role, String id) {
        String name = PREFIX + node;
        String password = PasswordHash.generatePassword();
        users.add(User.createGenerated(name, role, id, password));
        passwords.put(name, password);
        return name;
    }

    Users users() {
        return Users.of(users);
    }

    /** Settings for the user {@code name} to reach the broker on loopback, trusting its CA by fingerprint. */
    BrokerSettings settings(String name, int tlsPort, String caSha256) {
        return new BrokerSettings(
                BrokerAddress.parse("mqtts://localhost:" + tlsPort), null, caSha256, name, passwords.get(name));
    }
}
