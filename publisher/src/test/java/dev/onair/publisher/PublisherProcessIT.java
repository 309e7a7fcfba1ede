package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher as people run it: a separate JVM from the shaded jar, killed without warning so that only the MQTT
 * will can say it is gone; and a broker restart, after which the retained state must converge by itself.
 */
class PublisherProcessIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker()
            .withUsers(Role.PUBLISHER, "dave", "harry", "ivan", "judy")
            .withUsers(Role.VIEWER, "viewer");

    private static final String LINE = "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> "
            + "native_modules::UserDataCrossCloudModule: Received Action: UserPresenceAction: "
            + "{cloud_context: https://teams.microsoft.com, availability: %s}\n";

    @TempDir
    Path dir;

    private Process process;
    private PublisherNode node;

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (node != null) {
            node.stop();
        }
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    @Test
    void killedPublisherProcess_willSaysOfflineToSubscribers() throws Exception {
        String person = "dave";
        Path output = startPublisherProcess(person);
        try (MosquittoClients.Subscriber live =
                MosquittoClients.subscribe(broker, "viewer", "onair/person/" + person + "/availability")) {
            await().until(() -> live.lines().contains("onair/person/dave/availability online"));

            process.destroyForcibly().waitFor();

            await().until(() -> live.lines().contains("onair/person/dave/availability offline"));
        }
        assertThat(Files.readString(output, StandardCharsets.UTF_8))
                .contains("dave is busy / busy (source teams-log")
                .contains("dave is be_right_back / be_right_back (source teams-log")
                .doesNotContain(broker.password("dave"));
    }

    /**
     * CONTRACT.md section 2: the will is a retained {@code offline}, so a display that starts later still sees the
     * person as gone. Moquette 0.18 delivers a will to subscribers but does not retain it (moquette-io/moquette#562);
     * the broker module must make up for that, and this test holds it to the contract.
     */
    @Test
    void killedPublisherProcess_willLeavesOfflineRetained() throws Exception {
        startPublisherProcess("ivan");

        process.destroyForcibly().waitFor();

        Wire.awaitAvailability(broker, "ivan", "offline");
    }

    /** Runs the publisher in its own JVM, following a log folder; waits until it is online and has said Busy, BRB. */
    private Path startPublisherProcess(String person) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("teams-logs"));
        Path log = Files.writeString(logs.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Busy"));
        Path password = Files.writeString(dir.resolve("password"), broker.password(person) + "\n");
        Path output = dir.resolve("publisher.out");
        process = PublisherJvm.start(
                output,
                List.of(
                        "publisher",
                        "--person",
                        person,
                        "--broker",
                        broker.tlsUrl(),
                        "--ca",
                        broker.caFile().toString(),
                        "--user",
                        person,
                        "--password-file",
                        password.toString(),
                        "--teams-logs",
                        logs.toString(),
                        "--teams-process-check",
                        "off"));
        try {
            Wire.awaitAvailability(broker, person, "online");
            Wire.awaitPresence(broker, person, p -> p.status() == Status.BUSY);
            Files.writeString(log, String.format(LINE, "BeRightBack"), StandardOpenOption.APPEND);
            Wire.awaitPresence(broker, person, p -> p.status() == Status.BE_RIGHT_BACK);
        } catch (AssertionError | RuntimeException e) {
            System.err.println("--- the publisher process said:\n" + Files.readString(output));
            throw e;
        }
        return output;
    }

    @Test
    void brokerRestart_retainedStateConverges_andOverridesStillArrive() throws Exception {
        Path log =
                Files.writeString(dir.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Available"));
        node = new PublisherNode(PublisherConfig.teamsLogs("harry", broker.settings("harry"), dir));
        node.start();
        Wire.awaitPresence(broker, "harry", p -> p.status() == Status.AVAILABLE);

        broker.stop();
        Files.writeString(log, String.format(LINE, "DoNotDisturb"), StandardOpenOption.APPEND);
        Wire.awaitNodeSees(node, Status.DO_NOT_DISTURB);
        broker.start();

        Presence converged = Wire.awaitPresence(broker, "harry", p -> p.status() == Status.DO_NOT_DISTURB);
        assertThat(converged.source()).isEqualTo("teams-log");
        Wire.awaitAvailability(broker, "harry", "online");

        // The subscription to the set topic survived the restart.
        assertThat(MosquittoClients.publish(broker, "harry", "onair/person/harry/set", "{\"status\":\"away\"}", false)
                        .exitCode())
                .isZero();
        Wire.awaitPresence(
                broker, "harry", p -> p.status() == Status.AWAY && p.source().equals("override"));
    }

    @Test
    void brokerDownAtStartUp_isRetried_andThePresenceArrivesWhenItComes() throws Exception {
        Files.writeString(dir.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Busy"));
        broker.stop();
        node = new PublisherNode(PublisherConfig.teamsLogs("judy", broker.settings("judy"), dir));
        node.start(); // does not fail: the connection is retried with backoff
        Wire.awaitNodeSees(node, Status.BUSY);

        broker.start();

        Wire.awaitAvailability(broker, "judy", "online");
        Wire.awaitPresence(broker, "judy", p -> p.status() == Status.BUSY);
    }
}
