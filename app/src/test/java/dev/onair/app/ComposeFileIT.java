package dev.onair.app;

import static dev.onair.app.Compose.fieldNames;
import static dev.onair.app.Compose.ports;
import static dev.onair.app.Compose.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.app.Compose.Port;
import dev.onair.app.Compose.Result;
import dev.onair.bridge.BridgeCommand;
import dev.onair.broker.BrokerCommand;
import dev.onair.display.DisplayCommand;
import dev.onair.runtime.config.OnAirDefaults;
import dev.onair.testsupport.OutsideTool;
import dev.onair.testsupport.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The compose files as Debian's {@code docker-compose config} (v1.29, no Docker engine needed) resolves them with
 * {@code .env.example} as the {@code .env}: valid, and saying what issue 6 and CONTRACT.md section 8 require.
 */
class ComposeFileIT {
    private static final Path ROOT = RepositoryRoot.get();

    @TempDir
    static Path project;

    @BeforeAll
    static void copyComposeFilesWithEnvExample() throws IOException {
        OutsideTool.require(Compose.installed(), "docker-compose is not installed (apt-get install docker-compose)");
        for (String file : List.of("docker-compose.yml", "docker-compose.pi.yml")) {
            Files.copy(ROOT.resolve(file), project.resolve(file));
        }
        Files.copy(ROOT.resolve(".env.example"), project.resolve(".env"));
    }

    @Test
    void composeFile_withEnvExample_validates() {
        Result result = Compose.run(project, "docker-compose.yml", "config", "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void piComposeFile_withEnvExample_validates() {
        Result result = Compose.run(project, "docker-compose.pi.yml", "config", "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void services_areBrokerDisplayAndBridge_restartingAndRunningTheirCommand() throws IOException {
        JsonNode services = Compose.resolved(project, "docker-compose.yml").path("services");

        assertThat(fieldNames(services)).containsExactlyInAnyOrder("broker", "display-node", "ha-bridge");
        assertThat(texts(services.path("broker").path("command"))).containsExactly("broker");
        assertThat(texts(services.path("display-node").path("command"))).containsExactly("display");
        assertThat(texts(services.path("ha-bridge").path("command"))).containsExactly("bridge");
        for (JsonNode service : services) {
            assertThat(service.path("restart").asText()).isEqualTo("unless-stopped");
            assertThat(service.path("build").path("context").asText()).isEqualTo(project.toString());
        }
    }

    @Test
    void plainMqtt_isPublishedOnTheHostLoopbackOnly_tlsWebSocketAndDashboardEverywhere() throws IOException {
        JsonNode services = Compose.resolved(project, "docker-compose.yml").path("services");

        List<Port> broker = ports(services.path("broker"));
        assertThat(broker).contains(new Port("127.0.0.1", 1883, 1883), new Port("0.0.0.0", 8883, 8883));
        assertThat(broker).contains(new Port("0.0.0.0", 8884, 8884));
        assertThat(broker)
                .filteredOn(p -> p.target() == 1883)
                .extracting(Port::hostIp)
                .containsOnly("127.0.0.1");
        assertThat(ports(services.path("display-node"))).containsExactly(new Port("0.0.0.0", 5000, 5000));
        assertThat(ports(services.path("ha-bridge"))).isEmpty();
        // The broker listens on 0.0.0.0 inside its container, or the loopback-only mapping could not reach it.
        assertThat(env(services, "broker", "ONAIR_PLAIN_BIND")).isEqualTo("0.0.0.0");
    }

    @Test
    void display_getsBothSpiDevicesAndTheirGroup() throws IOException {
        JsonNode display =
                Compose.resolved(project, "docker-compose.yml").path("services").path("display-node");

        assertThat(texts(display.path("devices")))
                .containsExactlyInAnyOrder("/dev/spidev0.0:/dev/spidev0.0", "/dev/spidev0.1:/dev/spidev0.1");
        assertThat(texts(display.path("group_add"))).contains("999");
    }

    @Test
    void healthChecks_tlsForTheBroker_healthzForTheDisplay_healthFileForTheBridge_andTheOthersWaitForTheBroker()
            throws IOException {
        JsonNode services = Compose.resolved(project, "docker-compose.yml").path("services");
        JsonNode bridge = services.path("ha-bridge");

        assertThat(texts(services.path("broker").path("healthcheck").path("test")))
                .endsWith("/opt/onair/onair.jar", "healthcheck", "--tls", "localhost:8883");
        assertThat(texts(services.path("display-node").path("healthcheck").path("test")))
                .endsWith("/opt/onair/onair.jar", "healthcheck", "--http", "http://localhost:5000/healthz");
        // The bridge keeps the file fresh while connected; its health check reads that same file.
        assertThat(texts(bridge.path("healthcheck").path("test")))
                .endsWith("/opt/onair/onair.jar", "healthcheck", "--health-file", "/tmp/onair-healthy");
        assertThat(bridge.path("environment").path("ONAIR_HEALTH_FILE").asText())
                .isEqualTo("/tmp/onair-healthy");
        for (String dependent : List.of("display-node", "ha-bridge")) {
            assertThat(services.path(dependent)
                            .path("depends_on")
                            .path("broker")
                            .path("condition")
                            .asText())
                    .as(dependent)
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void volumes_certsAndDataForTheBroker_eachServiceOnlyItsOwnSecrets() throws IOException {
        JsonNode services = Compose.resolved(project, "docker-compose.yml").path("services");

        assertThat(texts(services.path("broker").path("volumes")))
                .containsExactlyInAnyOrder(
                        project.resolve("certs") + ":/var/lib/onair/certs:rw",
                        project.resolve("data") + ":/var/lib/onair/data:rw",
                        project.resolve("secrets/broker") + ":/var/lib/onair/secrets/broker:rw");
        assertThat(texts(services.path("display-node").path("volumes")))
                .containsExactlyInAnyOrder(
                        project.resolve("certs") + ":/var/lib/onair/certs:ro",
                        project.resolve("history") + ":/var/lib/onair/history:rw",
                        project.resolve("secrets/display") + ":/var/lib/onair/secrets/display:ro");
        assertThat(texts(services.path("ha-bridge").path("volumes")))
                .containsExactlyInAnyOrder(
                        project.resolve("certs") + ":/var/lib/onair/certs:ro",
                        project.resolve("secrets/bridge") + ":/var/lib/onair/secrets/bridge:ro");
        assertThat(env(services, "display-node", "ONAIR_PASSWORD_FILE")).isEqualTo("secrets/display/password");
        assertThat(env(services, "ha-bridge", "ONAIR_PASSWORD_FILE")).isEqualTo("secrets/bridge/password");
    }

    @Test
    void displayAndBridge_reachTheBrokerByTheCertificatesHostName() throws IOException {
        JsonNode services = Compose.resolved(project, "docker-compose.yml").path("services");

        assertThat(texts(
                        services.path("broker").path("networks").path("default").path("aliases")))
                .containsExactly("onair-pi");
        assertThat(env(services, "display-node", "ONAIR_BROKER")).isEqualTo("mqtts://onair-pi:8883");
        assertThat(env(services, "ha-bridge", "ONAIR_BROKER")).isEqualTo("mqtts://onair-pi:8883");
    }

    @Test
    void piComposeFile_runsOnePiContainer_healthyOnlyWithBrokerAndDisplay() throws IOException {
        JsonNode services = Compose.resolved(project, "docker-compose.pi.yml").path("services");

        assertThat(fieldNames(services)).containsExactly("onair");
        JsonNode onair = services.path("onair");
        assertThat(texts(onair.path("command"))).containsExactly("pi");
        assertThat(texts(onair.path("healthcheck").path("test")))
                .contains("--tls", "localhost:8883", "--http", "http://localhost:5000/healthz");
        assertThat(ports(onair))
                .containsExactlyInAnyOrder(
                        new Port("127.0.0.1", 1883, 1883),
                        new Port("0.0.0.0", 8883, 8883),
                        new Port("0.0.0.0", 8884, 8884),
                        new Port("0.0.0.0", 5000, 5000));
        assertThat(texts(onair.path("devices"))).hasSize(2);
    }

    @Test
    void envExample_documentsEveryVariableTheComposeFilesUse() throws IOException {
        Set<String> documented = envExampleNames();
        Set<String> used = new TreeSet<>();
        Pattern reference = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");
        for (String file : List.of("docker-compose.yml", "docker-compose.pi.yml")) {
            Matcher m = reference.matcher(Files.readString(ROOT.resolve(file)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }

        assertThat(documented).containsAll(used);
    }

    @Test
    void envExample_namesOnlyRealOptions_andHoldsNoSecrets() throws IOException {
        Set<String> options = new HashSet<>();
        for (Object command : List.of(new BrokerCommand(), new DisplayCommand(), new BridgeCommand())) {
            new CommandLine(command)
                    .getCommandSpec()
                    .options()
                    .forEach(o -> options.add(OnAirDefaults.envName(OnAirDefaults.key(o))));
        }
        List<String> lines = Files.readAllLines(ROOT.resolve(".env.example"));

        assertThat(envExampleNames())
                .filteredOn(name -> name.startsWith("ONAIR_") && !name.equals("ONAIR_IMAGE"))
                .isSubsetOf(options);
        assertThat(lines)
                .filteredOn(line -> !line.startsWith("#"))
                .noneMatch(line -> line.matches("(?i)[A-Z_]*(PASSWORD|API_KEY|TOKEN)=.*"));
    }

    /** The value {@code service}'s environment gives {@code name}, or "" when it gives none. */
    private static String env(JsonNode services, String service, String name) {
        return services.path(service).path("environment").path(name).asText();
    }

    private static Set<String> envExampleNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern assignment = Pattern.compile("^#?([A-Z][A-Z0-9_]*)=");
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            Matcher m = assignment.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
