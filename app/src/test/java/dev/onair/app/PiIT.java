package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.UsersFile;
import dev.onair.runtime.config.Cli;
import dev.onair.runtime.config.ConfigException;
import dev.onair.runtime.lifecycle.Lifecycle;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.Cleanup;
import dev.onair.testsupport.FreePorts;
import dev.onair.testsupport.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onair pi}: broker, display and bridge in one process from one YAML file, the display and bridge logged in
 * with in-memory users; {@code onair healthcheck} against it.
 */
class PiIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    @Test
    void pi_runsBrokerDisplayAndBridge_fromOneConfigFile() throws Exception {
        int[] ports = FreePorts.several(3);
        Path certs = tmp.resolve("certs");
        CertificateFiles.create(certs, "localhost", List.of(), CertificateFiles.DEFAULT_KEYSTORE_PASSWORD);
        Path users = tmp.resolve("users.yaml");
        UsersFile.add(users, User.create("alice", Role.PUBLISHER, null, "alice-password"));
        UsersFile.add(users, User.create("ha", Role.HOMEASSISTANT, null, "ha-password"));
        Path yaml = tmp.resolve("onair.yaml");
        Files.writeString(yaml, """
                broker:
                  certs: %s
                  users: %s
                  data: %s
                  tls-port: %d
                  port: 0
                  ws-port: 0
                  no-mdns: true
                display:
                  id: hall
                  panel: virtual
                  http-host: 127.0.0.1
                  http-port: %d
                  rainbow-seconds: 0
                bridge:
                  learn-window: 1s
                """.formatted(certs, users, tmp.resolve("data"), ports[0], ports[1]));
        PiCommand pi = new PiCommand();
        pi.config = yaml;
        Lifecycle lifecycle = cleanup.add(new Lifecycle(), Lifecycle::stop);
        pi.parts(Map.of()).start(lifecycle);

        BrokerSettings alice = settings(ports[0], certs, "alice", "alice-password");
        try (TestClient publisher = TestClient.connect(alice, "alice-pc");
                TestClient ha = TestClient.connect(settings(ports[0], certs, "ha", "ha-password"), "ha")) {
            ha.subscribe("homeassistant/device/#");
            publisher.publish("onair/person/alice/availability", "online", 1, true);
            publisher.publish(
                    "onair/person/alice/presence",
                    "{\"v\":1,\"person\":\"alice\",\"status\":\"busy\",\"activity\":\"in_a_call\","
                            + "\"since\":\"2026-11-26T09:00:00Z\",\"source\":\"teams-log\"}",
                    1,
                    true);

            // The display (user made in memory) reads it and shows it; the bridge (likewise) announces both devices.
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(get(ports[1], "/api/people"))
                            .contains("\"person\":\"alice\"", "\"status\":\"busy\"", "\"color\":\"#FF0000\""));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(ha.received())
                            .extracting(TestClient.Received::topic)
                            .contains(
                                    "homeassistant/device/onair_person_alice/config",
                                    "homeassistant/device/onair_display_hall/config"));
        }

        // The users file was left alone: the Pi's own nodes need no entries there.
        assertThat(UsersFile.load(users).all()).extracting(User::name).containsExactlyInAnyOrder("alice", "ha");

        // What compose's health checks run.
        assertThat(Cli.run(new OnAirMain(), new String[] {"healthcheck", "--tls", "localhost:" + ports[0]}, Map.of()))
                .isZero();
        assertThat(Cli.run(
                        new OnAirMain(),
                        new String[] {"healthcheck", "--http", "http://127.0.0.1:" + ports[1] + "/healthz"},
                        Map.of()))
                .isZero();
    }

    @Test
    void pi_badSettingsInSeveralSections_areReportedTogether_andNothingStarts() throws Exception {
        Path yaml = tmp.resolve("onair.yaml");
        Files.writeString(yaml, """
                broker:
                  tls-port: 0
                display:
                  brightness: 300
                bridge:
                  gone-after: soon
                """);
        PiCommand pi = new PiCommand();
        pi.config = yaml;

        assertThatThrownBy(() -> pi.parts(Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.errors())
                                .anySatisfy(m -> assertThat(m).startsWith("broker: --tls-port"))
                                .anySatisfy(m -> assertThat(m).startsWith("display: --brightness"))
                                .anySatisfy(m -> assertThat(m).startsWith("bridge: --gone-after")));
    }

    @Test
    void pi_environmentVariables_andOnairConfig_reachEveryPart() {
        PiCommand pi = new PiCommand();
        PiCommand.Parts parts = pi.parts(Map.of(
                "ONAIR_CONFIG", writeYaml("display:\n  brightness: 42\n").toString(),
                "ONAIR_TLS_PORT", "18883",
                "ONAIR_ID", "kitchen",
                "ONAIR_PANEL", "virtual",
                "ONAIR_DISCOVERY_PREFIX", "ha"));

        assertThat(parts.broker().tlsPort()).isEqualTo(18883);
        assertThat(parts.display().brightness()).isEqualTo(42);
        assertThat(parts.display().id()).isEqualTo("kitchen");
        assertThat(parts.bridge().topics().discoveryPrefix()).isEqualTo("ha");
    }

    private Path writeYaml(String text) {
        try {
            return Files.writeString(tmp.resolve("env.yaml"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BrokerSettings settings(int port, Path certs, String user, String password) {
        return new BrokerSettings(
                BrokerAddress.parse("mqtts://localhost:" + port), certs.resolve("ca.crt"), null, user, password);
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
