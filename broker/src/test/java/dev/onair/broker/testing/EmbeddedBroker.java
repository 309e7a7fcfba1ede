package dev.onair.broker.testing;

import dev.onair.broker.BrokerConfig;
import dev.onair.broker.OnAirBroker;
import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.UsersFile;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the real OnAir broker for a test: a fresh CA and server certificate, a users file, a data directory, TLS,
 * plain (loopback) and secure WebSocket listeners on free ports; mDNS off.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedBroker broker = new EmbeddedBroker();   // one broker per test class
 *
 * @Test
 * void something() {
 *     String password = broker.addUser("alice", Role.PUBLISHER);
 *     BrokerSettings settings = broker.settings("alice");        // mqtts://localhost:<port>, CA file, user, password
 *     ...
 * }
 * }</pre>
 *
 * A non-static field gives each test its own broker. {@link #restart()} stops and starts it on the same ports and
 * data directory, for persistence tests.
 */
public final class EmbeddedBroker
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Role> startUsers = new LinkedHashMap<>();
    private Path root;
    private BrokerConfig config;
    private OnAirBroker broker;
    private boolean perClass;

    /**
     * Users the broker has from its start (as if {@link #addUser(String, Role)} had made them), each acting for the id
     * equal to its name. For a field initialiser: {@code new EmbeddedBroker().withUsers(Role.PUBLISHER, "alice")}.
     */
    public EmbeddedBroker withUsers(Role role, String... names) {
        for (String name : names) {
            startUsers.put(name, role);
        }
        return this;
    }

    /** Starts the broker now, outside JUnit (e.g. from a main method or a test that manages it itself). */
    public EmbeddedBroker start() {
        try {
            if (root == null) {
                root = Files.createTempDirectory("onair-broker-");
                Path certs = root.resolve("certs");
                CertificateFiles.create(certs, "localhost", List.of(), CertificateFiles.DEFAULT_KEYSTORE_PASSWORD);
                int[] ports = FreePorts.several(3);
                config = BrokerConfig.defaults()
                        .withCertsDir(certs)
                        .withUsersFile(root.resolve("users.yaml"))
                        .withDataDir(root.resolve("data"))
                        .withPorts(ports[0], ports[1], ports[2])
                        .withMdns(false);
                UsersFile.save(config.usersFile(), dev.onair.broker.users.Users.empty());
                startUsers.forEach(this::addUser);
            }
            broker = new OnAirBroker(config);
            broker.start();
            return this;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the embedded broker: " + e, e);
        }
    }

    /** Stops the broker; its files stay until {@link #close()}. */
    public void stop() {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    /** Stops and starts the broker on the same ports, certificates, users and data directory. */
    public void restart() {
        stop();
        start();
    }

    /** Stops the broker and deletes its files. */
    public void close() {
        stop();
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            root = null;
        }
    }

    public boolean isRunning() {
        return broker != null;
    }

    /**
     * Adds a user with a random password and returns it. Works while the broker runs (it re-reads the users file).
     * Publisher and display users act for the id equal to their name.
     */
    public String addUser(String name, Role role) {
        return addUser(name, role, null);
    }

    /** Adds a user acting for {@code id} (publisher: person id; display: display id) and returns its password. */
    public String addUser(String name, Role role, String id) {
        // Generated, as ./onair users add makes them: hashed at the cost for generated passwords.
        String password = PasswordHash.generatePassword();
        try {
            UsersFile.add(config().usersFile(), User.createGenerated(name, role, id, password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        passwords.put(name, password);
        return password;
    }

    /** The password {@link #addUser} gave {@code name}. */
    public String password(String name) {
        String pw = passwords.get(name);
        if (pw == null) {
            throw new IllegalArgumentException("no user '" + name + "' was added to this broker");
        }
        return pw;
    }

    /** Connection settings for {@code user} over TLS: {@code mqtts://localhost:<tlsPort>}, the CA file. */
    public BrokerSettings settings(String user) {
        return new BrokerSettings(
                new BrokerAddress("localhost", tlsPort(), true), caFile(), null, user, password(user));
    }

    /** Connection settings for {@code user} over plain MQTT on loopback: {@code mqtt://127.0.0.1:<plainPort>}. */
    public BrokerSettings plainSettings(String user) {
        return new BrokerSettings(new BrokerAddress("127.0.0.1", plainPort(), false), null, null, user, password(user));
    }

    /** {@code mqtts://localhost:<tlsPort>}. */
    public String tlsUrl() {
        return "mqtts://localhost:" + tlsPort();
    }

    /** {@code mqtt://127.0.0.1:<plainPort>}. */
    public String plainUrl() {
        return "mqtt://127.0.0.1:" + plainPort();
    }

    public BrokerConfig config() {
        if (config == null) {
            throw new IllegalStateException("the embedded broker has not been started");
        }
        return config;
    }

    public int tlsPort() {
        return config().tlsPort();
    }

    public int plainPort() {
        return config().plainPort();
    }

    public int wsPort() {
        return config().wsPort();
    }

    /** The CA certificate (PEM) clients must trust. */
    public Path caFile() {
        return certsDir().resolve(CertificateFiles.CA_CRT);
    }

    /** The CA's SHA-256 fingerprint, for {@code --ca-sha256} style pinning. */
    public String caSha256() {
        try {
            return dev.onair.runtime.mqtt.TlsTrust.sha256(
                    dev.onair.runtime.mqtt.TlsTrust.readPem(caFile()).get(0));
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The arguments that start this broker from the command line: {@code broker --certs ... --no-mdns}. */
    public List<String> commandLine() {
        return commandLine(config());
    }

    /** The arguments that start the broker {@code config} describes from the command line, mDNS off. */
    public static List<String> commandLine(BrokerConfig config) {
        return List.of(
                "broker",
                "--certs",
                config.keystore().getParent().toString(),
                "--users",
                config.usersFile().toString(),
                "--data",
                config.dataDir().toString(),
                "--tls-port",
                Integer.toString(config.tlsPort()),
                "--port",
                Integer.toString(config.plainPort()),
                "--ws-port",
                Integer.toString(config.wsPort()),
                "--no-mdns");
    }

    /** Holds {@code ca.crt}, {@code server.crt}, {@code server.key}, {@code server.p12}. */
    public Path certsDir() {
        return config().keystore().getParent();
    }

    public Path dataDir() {
        return config().dataDir();
    }

    public Path usersFile() {
        return config().usersFile();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass && !isRunning()) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }
}
