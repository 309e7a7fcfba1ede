package dev.onair.bench;

import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.broker.users.UsersFile;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a broker process runs on: a fresh CA and server certificate, a users file and a data folder, under one
 * temporary folder, and the free TLS port it will listen on. Users can be added while the broker runs.
 */
public final class BrokerHome {
    private final Path root;
    private final int tlsPort;
    private final Map<String, String> passwords = new HashMap<>();

    private BrokerHome(Path root, int tlsPort) {
        this.root = root;
        this.tlsPort = tlsPort;
    }

    public static BrokerHome create(Path root) throws IOException, GeneralSecurityException {
        Files.createDirectories(root);
        CertificateFiles.create(
                root.resolve("certs"), "localhost", List.of(), CertificateFiles.DEFAULT_KEYSTORE_PASSWORD);
        UsersFile.save(root.resolve("users.yaml"), Users.empty());
        return new BrokerHome(root, FreePorts.one());
    }

    /** Adds a user acting for the id equal to its name; returns the password. */
    public synchronized String addUser(String name, Role role) throws IOException {
        // Generated, as ./onair users add makes them, and hashed at the cost for generated passwords.
        String password = PasswordHash.generatePassword();
        UsersFile.add(root.resolve("users.yaml"), User.createGenerated(name, role, null, password));
        passwords.put(name, password);
        return password;
    }

    /** Writes {@code user}'s password to a file, for a node's {@code --password-file}. */
    public Path passwordFile(String user) throws IOException {
        return Files.writeString(root.resolve(user + ".password"), password(user) + "\n");
    }

    public synchronized String password(String user) {
        return passwords.get(user);
    }

    public BrokerSettings settings(String user) {
        return new BrokerSettings(new BrokerAddress("localhost", tlsPort, true), caFile(), null, user, password(user));
    }

    /** The same user through another port on loopback (a proxy in front of the broker). */
    public BrokerSettings settingsVia(String user, int port) {
        return new BrokerSettings(new BrokerAddress("localhost", port, true), caFile(), null, user, password(user));
    }

    /** The arguments of {@code broker}: TLS only, on {@link #tlsPort()}, no mDNS. */
    public List<String> brokerArgs() {
        return List.of(
                "broker",
                "--certs",
                root.resolve("certs").toString(),
                "--users",
                root.resolve("users.yaml").toString(),
                "--data",
                root.resolve("data").toString(),
                "--tls-port",
                Integer.toString(tlsPort),
                "--port",
                "0",
                "--ws-port",
                "0",
                "--no-mdns");
    }

    /** The arguments a display or bridge node needs to reach this broker as {@code user}. */
    public List<String> clientArgs(String user) throws IOException {
        return List.of(
                "--broker",
                "mqtts://localhost:" + tlsPort,
                "--ca",
                caFile().toString(),
                "--user",
                user,
                "--password-file",
                passwordFile(user).toString());
    }

    public int tlsPort() {
        return tlsPort;
    }

    public Path caFile() {
        return root.resolve("certs").resolve(CertificateFiles.CA_CRT);
    }

    public Path certsDir() {
        return root.resolve("certs");
    }

    public Path root() {
        return root;
    }
}
