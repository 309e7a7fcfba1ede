package dev.onair.broker;

import dev.onair.broker.auth.LoginGuard;
import dev.onair.broker.auth.PasswordAuthenticator;
import dev.onair.broker.auth.RoleAcl;
import dev.onair.broker.auth.SessionOwners;
import dev.onair.broker.auth.UserDirectory;
import dev.onair.broker.certs.ServerTls;
import dev.onair.broker.health.HealthLogin;
import dev.onair.broker.mdns.MdnsAdvertiser;
import dev.onair.broker.net.GateInstaller;
import dev.onair.broker.net.PlainLoopbackListener;
import dev.onair.broker.storage.DataFolderGuard;
import dev.onair.broker.storage.StoreWrites;
import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.lifecycle.Component;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OnAir's MQTT broker: embedded Moquette with TLS (1.2 and 1.3 only), secure WebSocket, a plain listener on loopback,
 * password users with role ACLs, and persistence. If any TLS listener cannot start, {@link #start()} fails with one
 * clear line and nothing keeps running: the broker never runs without TLS.
 *
 * <pre>{@code
 * OnAirBroker broker = new OnAirBroker(BrokerConfig.defaults().withCertsDir(certs).withMdns(false));
 * new Lifecycle().stopOnShutdown().start(broker);
 * }</pre>
 */
public final class OnAirBroker implements Component {
    private static final Logger log = LoggerFactory.getLogger(OnAirBroker.class);

    /**
     * How often Moquette commits retained messages and sessions to disk, in seconds. A kill -9 loses at most this
     * much; Moquette's default is 30.
     */
    static final int AUTOSAVE_SECONDS = 1;

    private final BrokerConfig config;
    private final Users inProcessUsers;
    private final User anonymous;
    private final String anonymousPassword;
    private volatile Server server;
    private PlainLoopbackListener plain;
    private MdnsAdvertiser mdns;
    private ServerTls tls;
    private volatile ExecutorService disconnector;
    private DataFolderGuard space;
    private HealthLogin health;
    private LoginGuard guard;

    /** Which user owns each client id's session, in the data folder (see {@link SessionOwners}). */
    static final String SESSION_OWNERS = "onair-session-owners.properties";

    /** The in-memory user anonymous loopback clients become. */
    public static final String ANONYMOUS_USER = "onair-anonymous";

    public OnAirBroker(BrokerConfig config) {
        this(config, Users.empty());
    }

    /**
     * A broker that also accepts {@code inProcessUsers}, which exist only in memory: the nodes running in the same
     * process ({@code onair pi}), with passwords made at start-up and never written anywhere.
     */
    public OnAirBroker(BrokerConfig config, Users inProcessUsers) {
        this(config, inProcessUsers, false);
    }

    /**
     * @param anonymousLoopbackRead whether clients without a user name on the plain loopback listener may read the
     *     OnAir and discovery topics (what {@code onair demo} offers); refused at start when plain MQTT is off or
     *     not on a loopback address
     */
    public OnAirBroker(BrokerConfig config, Users inProcessUsers, boolean anonymousLoopbackRead) {
        this.config = config;
        if (anonymousLoopbackRead) {
            anonymousPassword = PasswordHash.generatePassword();
            anonymous = User.createGenerated(ANONYMOUS_USER, Role.ANONYMOUS, null, anonymousPassword);
            this.inProcessUsers = inProcessUsers.with(anonymous);
        } else {
            anonymousPassword = null;
            anonymous = null;
            this.inProcessUsers = inProcessUsers;
        }
    }

    @Override
    public void start() throws IOException {
        if (anonymous != null && (config.plainPort() == 0 || !isLoopback(config.plainBind()))) {
            throw new StartupException("anonymous read needs the plain listener on a loopback address, not "
                    + config.plainBind() + ":" + config.plainPort());
        }
        tls = ServerTls.load(config.keystore(), config.keystorePassword());
        health = HealthLogin.create(config.tlsPort());
        UserDirectory users = new UserDirectory(config.usersFile(), inProcessUsers.with(health.user()));
        try {
            users.load();
        } catch (IOException e) {
            throw new StartupException(e.getMessage());
        }
        if (users.size() == 0 && inProcessUsers.size() == 0) {
            log.warn(
                    "No users in {}: nobody can connect. Add one with ./onair users add NAME --role ROLE",
                    config.usersFile());
        }
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StartupException("data directory " + config.dataDir() + " cannot be created: " + e.getMessage());
        }

        server = new Server();
        disconnector = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "onair-broker-disconnect");
            t.setDaemon(true);
            return t;
        });
        RoleAcl acl = new RoleAcl(users, config.topics(), this::disconnectLater);
        DataFolderGuard folder = new DataFolderGuard(config.dataDir(), this::disconnectLater);
        space = folder;
        folder.start();
        SessionOwners owners = new SessionOwners(config.dataDir().resolve(SESSION_OWNERS));
        try {
            owners.load();
        } catch (IOException e) {
            throw new StartupException(
                    "session owners file in " + config.dataDir() + " cannot be read: " + e.getMessage());
        }
        guard = new LoginGuard(users, Clock.systemUTC());
        GateInstaller gate = new GateInstaller(users, acl.writeRules(), guard, owners);
        try {
            gate.start(
                    server,
                    () -> tls.sslContext(),
                    config.wsPort() == 0 ? 1 : 2,
                    sslContext -> server.startServer(
                            new MemoryConfig(MoquetteSettings.of(config)),
                            List.of(new ConnectionLog(), new RetainedWills(() -> server, acl::mayWrite)),
                            sslContext,
                            HealthLogin.refuseWhileUnhealthy(new PasswordAuthenticator(), () -> !folder.full()),
                            HealthLogin.denyHealthUser(folder.guard(acl))));
            StoreWrites.guard(server, folder);
        } catch (RuntimeException e) {
            stop();
            throw new StartupException(listenerFailure(e), e);
        }
        log.info(
                "MQTT over TLS listening on {}:{} (TLS 1.2/1.3), CA SHA-256 {}",
                config.host(),
                config.tlsPort(),
                tls.caSha256());
        if (config.wsPort() != 0) {
            log.info(
                    "MQTT over secure WebSocket listening on wss://{}:{}{}",
                    config.host(),
                    config.wsPort(),
                    BrokerConfig.WEBSOCKET_PATH);
        }
        if (config.plainPort() != 0) {
            plain = new PlainLoopbackListener(
                    config.plainBind(),
                    config.plainPort(),
                    config.tlsPort(),
                    tls.caCertificate(),
                    anonymous == null ? null : anonymous.name(),
                    anonymousPassword);
            try {
                plain.start();
            } catch (RuntimeException | javax.net.ssl.SSLException | InterruptedException e) {
                stop();
                throw e instanceof StartupException s ? s : new StartupException("plain MQTT listener: " + e, e);
            }
        }
        if (config.mdns()) {
            mdns = new MdnsAdvertiser(config.mdnsName(), config.tlsPort(), tls.caSha256());
            mdns.start();
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Disconnects a client outside Moquette's session loop, which is the thread asking. */
    private void disconnectLater(String clientId) {
        ExecutorService executor = disconnector;
        Server s = server;
        if (executor != null && s != null) {
            executor.execute(() -> s.disconnectClient(clientId));
        }
    }

    @Override
    public void stop() {
        if (mdns != null) {
            mdns.stop();
            mdns = null;
        }
        if (plain != null) {
            plain.stop();
            plain = null;
        }
        if (server != null) {
            try {
                server.stopServer();
            } catch (RuntimeException e) {
                // Moquette throws when stopping a server whose start failed half-way; the ports are closed by then.
                log.debug("Moquette stop: {}", e.toString());
            }
            server = null;
        }
        if (disconnector != null) {
            disconnector.shutdownNow();
            disconnector = null;
        }
        if (space != null) {
            space.stop();
            space = null;
        }
        if (health != null) {
            health.delete();
            health = null;
        }
        if (guard != null) {
            guard.close();
            guard = null;
        }
    }

    @Override
    public String name() {
        return "broker";
    }

    /** The SHA-256 fingerprint of the CA the broker's certificate chains to (after {@link #start()}). */
    public String caSha256() {
        return tls.caSha256();
    }

    /** The configuration this broker was built with. */
    public BrokerConfig config() {
        return config;
    }

    private String listenerFailure(RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.startsWith("Cannot bind to port:")) {
            String port = message.substring("Cannot bind to port:".length()).trim();
            return "port " + port + " on " + config.host() + " is already in use or not allowed; stop what uses it or "
                    + "choose another with --tls-port / --ws-port";
        }
        return "MQTT listeners cannot start: " + message;
    }
}
