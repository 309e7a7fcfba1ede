package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.testing.MosquittoClients.Result;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.broker.users.UsersFile;
import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.FreePorts;
import dev.onair.testsupport.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's anonymous read on the plain loopback listener: clients without a user name read the OnAir and discovery
 * topics there, and nothing else: they cannot write, and TLS still refuses them.
 */
class AnonymousLoopbackIT {
    @TempDir
    Path tmp;

    private OnAirBroker broker;
    private BrokerConfig config;

    @BeforeEach
    void start() throws Exception {
        Path certs = tmp.resolve("certs");
        CertificateFiles.create(certs, "localhost", List.of(), CertificateFiles.DEFAULT_KEYSTORE_PASSWORD);
        UsersFile.add(tmp.resolve("users.yaml"), User.create("alice", Role.PUBLISHER, null, "alice-password"));
        UsersFile.add(tmp.resolve("users.yaml"), User.create("ha", Role.HOMEASSISTANT, null, "ha-password"));
        int[] ports = FreePorts.several(2);
        config = BrokerConfig.defaults()
                .withCertsDir(certs)
                .withUsersFile(tmp.resolve("users.yaml"))
                .withDataDir(tmp.resolve("data"))
                .withHost("127.0.0.1")
                .withPorts(ports[0], ports[1], 0)
                .withMdns(false);
        broker = new OnAirBroker(config, Users.empty(), true);
        broker.start();
    }

    @AfterEach
    void stop() {
        broker.stop();
    }

    @Test
    void anonymousClient_onPlainLoopback_readsOnairAndDiscoveryTopics() {
        try (TestClient alice = TestClient.connect(settings("alice", "alice-password"), "alice-pc");
                TestClient ha = TestClient.connect(settings("ha", "ha-password"), "ha")) {
            alice.publish("onair/person/alice/availability", "online", 1, true);
            ha.publish("homeassistant/status", "online", 1, true);
        }

        Result read = MosquittoClients.run(MosquittoClients.command(
                "mosquitto_sub", plainArgs(), "-t", "onair/#", "-t", "homeassistant/#", "-v", "-C", "2", "-W", "15"));

        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.output())
                .contains("onair/person/alice/availability online")
                .contains("homeassistant/status online");
    }

    @Test
    void anonymousClient_cannotWrite() {
        try (TestClient alice = TestClient.connect(settings("alice", "alice-password"), "alice-pc");
                TestClient ha = TestClient.connect(settings("ha", "ha-password"), "ha")) {
            alice.subscribe("onair/person/alice/set");

            MosquittoClients.run(MosquittoClients.command(
                    "mosquitto_pub", plainArgs(), "-q", "1", "-t", "onair/person/alice/set", "-m", "from-anonymous"));
            // A marker from a client allowed to write: once it is here, the anonymous message would have been too.
            ha.publish("onair/person/alice/set", "marker", 1, false);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> alice.received("onair/person/alice/set").stream()
                            .anyMatch(r -> r.payload().equals("marker")));
            assertThat(alice.received("onair/person/alice/set"))
                    .extracting(TestClient.Received::payload)
                    .containsExactly("marker");
        }
    }

    @Test
    void anonymousClient_withAWill_isRefused_andTheWillNeverFires() throws Exception {
        // Issue 11: a will skipped the ACL, so an anonymous demo client that was killed wrote any topic.
        String[][] wills = {
            {"onair/display/main/set", "{\"state\":\"OFF\"}", "false"},
            {"onair/person/alice/set", "away", "false"},
            {"onair/person/bob/presence", "{}", "true"},
            {"homeassistant/device/onair_person_alice/config", "", "true"}
        };
        try (TestClient ha = TestClient.connect(settings("ha", "ha-password"), "ha-watch")) {
            ha.subscribe("onair/#");
            ha.subscribe("homeassistant/#");
            for (String[] will : wills) {
                List<String> cmd =
                        MosquittoClients.command("mosquitto_sub", plainArgs(), "-t", "onair/#", "-i", "anon-will");
                cmd.addAll(MosquittoClients.willArgs(will[0], will[1], will[2].equals("true")));
                MosquittoClients.Subscriber anonymous = MosquittoClients.Subscriber.start(cmd);
                await().atMost(Duration.ofSeconds(15)).until(() -> !anonymous.isAlive());
                assertThat(String.join("\n", anonymous.lines())).as(will[0]).contains("not authorised");
            }
            // A marker from a client allowed to write: once it is here, a fired will would have been too.
            ha.publish("onair/person/alice/set", "marker", 1, false);
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            ha.received().stream().anyMatch(r -> r.payload().equals("marker")));
            assertThat(ha.received()).extracting(TestClient.Received::payload).containsExactly("marker");
        }
    }

    @Test
    void anonymousClient_onTls_isStillRefused() {
        Result tls = subscribeOnce(MosquittoClients.anonymousTlsArgs(config.tlsPort(), caFile()));

        assertThat(tls.exitCode()).isNotZero();
        assertThat(tls.output()).contains("Connection Refused");
    }

    @Test
    void namedClient_onPlainLoopback_isCheckedAsItself() {
        List<String> wrongPassword = new ArrayList<>(plainArgs());
        wrongPassword.addAll(List.of("-u", "alice", "-P", "wrong-password"));
        Result wrong = subscribeOnce(wrongPassword);

        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.output()).contains("Connection Refused: bad user name or password");
    }

    @Test
    void anonymousRead_offLoopback_refusesToStart() {
        OnAirBroker open = new OnAirBroker(config.withPlainBind("0.0.0.0"), Users.empty(), true);

        assertThatThrownBy(open::start)
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("anonymous read needs the plain listener on a loopback address");
    }

    /** mosquitto_sub on {@code onair/#} for one message, giving up after 10 s. */
    private static Result subscribeOnce(List<String> connection) {
        return MosquittoClients.run(
                MosquittoClients.command("mosquitto_sub", connection, "-t", "onair/#", "-C", "1", "-W", "10"));
    }

    private List<String> plainArgs() {
        return MosquittoClients.plainArgs(config.plainPort());
    }

    private Path caFile() {
        return tmp.resolve("certs").resolve("ca.crt");
    }

    private BrokerSettings settings(String user, String password) {
        return new BrokerSettings(
                BrokerAddress.parse("mqtts://localhost:" + config.tlsPort()), caFile(), null, user, password);
    }
}
