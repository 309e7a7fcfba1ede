package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.runtime.config.Cli;
import dev.onair.runtime.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The publisher against the real OnAir broker over TLS, watched with Debian's mosquitto clients. */
class PublisherMqttIT {
    @RegisterExtension
    static final EmbeddedBroker broker =
            new EmbeddedBroker().withUsers(Role.PUBLISHER, "alice", "gina").withUsers(Role.VIEWER, "viewer");

    private static final String LINE = "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> "
            + "native_modules::UserDataCrossCloudModule: Received Action: UserPresenceAction: "
            + "{cloud_context: https://teams.microsoft.com, availability: %s}\n";

    @TempDir
    Path dir;

    private PublisherNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void appendedLogLine_arrivesAsRetainedPresence_atMosquittoSub() throws Exception {
        Path log =
                Files.writeString(dir.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Available"));
        node = new PublisherNode(PublisherConfig.teamsLogs("alice", broker.settings("alice"), dir));

        try (MosquittoClients.Subscriber sub = MosquittoClients.subscribe(broker, "viewer", "onair/person/alice/#")) {
            node.start();
            Wire.awaitAvailability(broker, "alice", "online");
            await().until(() -> Wire.presences(sub, "alice").stream().anyMatch(p -> p.status() == Status.AVAILABLE));

            Files.writeString(log, String.format(LINE, "DoNotDisturb"), StandardOpenOption.APPEND);

            await().until(() ->
                    Wire.presences(sub, "alice").stream().anyMatch(p -> p.status() == Status.DO_NOT_DISTURB));
            Presence dnd = Wire.presences(sub, "alice").stream()
                    .filter(p -> p.status() == Status.DO_NOT_DISTURB)
                    .findFirst()
                    .orElseThrow();
            assertThat(dnd.activity()).isEqualTo(Activity.DO_NOT_DISTURB);
            assertThat(dnd.source()).isEqualTo("teams-log");
            assertThat(dnd.person()).isEqualTo("alice");
            assertThat(dnd.teamsRunning()).isNull();
            assertThat(dnd.inCall()).isFalse();
            assertThat(dnd.overrideUntil()).isNull();
            // Published only on change: one message per status, not one per poll.
            assertThat(Wire.presences(sub, "alice"))
                    .extracting(Presence::status)
                    .containsExactly(Status.AVAILABLE, Status.DO_NOT_DISTURB);
        }
        // A subscriber that comes later gets it retained, at QoS 1.
        assertThat(Wire.retainedPresence(broker, "viewer", "alice"))
                .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(Status.DO_NOT_DISTURB));
    }

    /** Issue 15: the configured display name goes out in every presence, the override's too. */
    @Test
    void displayName_isInEveryRetainedPresence_onTheWire() throws Exception {
        Files.writeString(dir.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Available"));
        PublisherConfig plain = PublisherConfig.teamsLogs("gina", broker.settings("gina"), dir);
        node = new PublisherNode(new PublisherConfig(
                plain.person(),
                plain.broker(),
                plain.topicPrefix(),
                plain.source(),
                plain.teams(),
                null,
                null,
                null,
                "Gina Ödegaard"));
        node.start();
        Wire.awaitPresence(broker, "gina", p -> p.status() == Status.AVAILABLE);
        assertThat(Wire.retained(broker, "viewer", "onair/person/gina/presence"))
                .hasValueSatisfying(json -> assertThat(json).contains("\"name\":\"Gina Ödegaard\""));

        assertThat(set("busy", "--for", "PT1H")).isZero();

        Presence overridden = Wire.awaitPresence(broker, "gina", p -> p.source().equals("override"));
        assertThat(overridden.name()).isEqualTo("Gina Ödegaard");
    }

    @Test
    void setCommand_withFor_overridesThenExpiresByItself() throws Exception {
        Files.writeString(dir.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Available"));
        node = new PublisherNode(PublisherConfig.teamsLogs("gina", broker.settings("gina"), dir));
        node.start();
        Wire.awaitPresence(broker, "gina", p -> p.status() == Status.AVAILABLE);

        try (MosquittoClients.Subscriber sub =
                MosquittoClients.subscribe(broker, "viewer", "onair/person/gina/presence")) {
            await().until(() -> !Wire.presences(sub, "gina").isEmpty());
            // A nonsense command is logged and dropped; the publisher keeps going.
            assertThat(MosquittoClients.publish(broker, "gina", "onair/person/gina/set", "sparkly", false)
                            .exitCode())
                    .isZero();

            int code = set("do_not_disturb", "--for", "PT2S");

            assertThat(code).isZero();
            await().until(() -> Wire.presences(sub, "gina").stream()
                    .anyMatch(p -> p.source().equals("override")));
            Presence overridden = Wire.presences(sub, "gina").get(1);
            assertThat(overridden.status()).isEqualTo(Status.DO_NOT_DISTURB);
            assertThat(overridden.overrideUntil()).isNotNull();

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> Wire.presences(sub, "gina").size() >= 3);
            List<Presence> seen = Wire.presences(sub, "gina");
            assertThat(seen)
                    .extracting(Presence::status)
                    .containsExactly(Status.AVAILABLE, Status.DO_NOT_DISTURB, Status.AVAILABLE);
            assertThat(seen.get(2).source()).isEqualTo("teams-log");
            assertThat(seen.get(2).overrideUntil()).isNull();
        }
    }

    /** Issue 11: this threw inside the executor, unlogged, and left the override half applied. */
    @Test
    void setCommand_withOverflowingDuration_isLoggedAndChangesNothing() throws Exception {
        Logger connectionLog = (Logger) LoggerFactory.getLogger(MqttConnection.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        connectionLog.addAppender(logged);
        try {
            Files.writeString(dir.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Available"));
            node = new PublisherNode(PublisherConfig.teamsLogs("gina", broker.settings("gina"), dir));
            node.start();
            Wire.awaitPresence(broker, "gina", p -> p.status() == Status.AVAILABLE);

            try (MosquittoClients.Subscriber sub =
                    MosquittoClients.subscribe(broker, "viewer", "onair/person/gina/presence")) {
                await().until(() -> !Wire.presences(sub, "gina").isEmpty());
                assertThat(MosquittoClients.publish(
                                        broker,
                                        "gina",
                                        "onair/person/gina/set",
                                        "{\"status\":\"busy\",\"for\":\"P106751991167300D\"}",
                                        false)
                                .exitCode())
                        .isZero();

                await().until(() -> logged.list.stream()
                        .map(ILoggingEvent::getFormattedMessage)
                        .anyMatch(m -> m.contains("onair/person/gina/set") && m.contains("'for'")));
                assertThat(node.current().status()).isEqualTo(Status.AVAILABLE);
                assertThat(node.current().overrideUntil()).isNull();

                // The publisher still takes the next good command, and the bad one left no trace in it.
                assertThat(set("away", "--for", "PT1H")).isZero();
                await().until(() -> Wire.presences(sub, "gina").stream().anyMatch(p -> p.status() == Status.AWAY));
                assertThat(Wire.presences(sub, "gina"))
                        .extracting(Presence::status)
                        .containsExactly(Status.AVAILABLE, Status.AWAY);
            }
        } finally {
            connectionLog.detachAppender(logged);
        }
    }

    @Test
    void setCommand_auto_clearsAnOverrideWithoutDuration() throws Exception {
        Files.writeString(dir.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Busy"));
        node = new PublisherNode(PublisherConfig.teamsLogs("gina", broker.settings("gina"), dir));
        node.start();
        Wire.awaitPresence(broker, "gina", p -> p.status() == Status.BUSY);

        assertThat(set("away")).isZero();
        Presence away = Wire.awaitPresence(broker, "gina", p -> p.status() == Status.AWAY);
        assertThat(away.source()).isEqualTo("override");
        assertThat(away.overrideUntil()).isNull();

        assertThat(set("auto")).isZero();
        Wire.awaitPresence(
                broker, "gina", p -> p.status() == Status.BUSY && p.source().equals("teams-log"));
    }

    @Test
    void setCommand_badArguments_exitOneAndSendNothing() {
        assertThat(set("sparkly")).isEqualTo(1);
        assertThat(set("auto", "--for", "10m")).isEqualTo(1);
        assertThat(set("busy", "--for", "soon")).isEqualTo(1);
    }

    private static int set(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("set"));
        all.addAll(List.of(args));
        all.addAll(List.of(
                "--person", "gina",
                "--broker", broker.tlsUrl(),
                "--ca", broker.caFile().toString(),
                "--user", "gina",
                "--password", broker.password("gina")));
        return Cli.run(new PublisherMain(), all.toArray(String[]::new), Map.of());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
