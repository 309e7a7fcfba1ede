package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.protocol.topic.Topics;
import dev.onair.publisher.PublisherConfig.Source;
import dev.onair.publisher.PublisherConfig.TeamsSettings;
import dev.onair.publisher.teams.RealLines;
import dev.onair.publisher.teams.TeamsClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, end to end: real Teams log lines (src/test/resources/teams/real names each one's source) written into a
 * log folder, the real publisher following it, a real broker, and what a brand-new {@code mosquitto_sub} gets retained.
 */
class TeamsLogsIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @TempDir
    Path dir;

    private PublisherNode node;

    @BeforeAll
    static void users() {
        for (String person : List.of("kate", "liam", "mona", "nina")) {
            broker.addUser(person, Role.PUBLISHER);
        }
        broker.addUser("viewer", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void newTeams2026Block_withoutUserId_isTheNewestFilesPresence_notAnOlderFiles() throws Exception {
        Files.writeString(
                dir.resolve("MSTeams_2026-04-28_09-00-00.00.log"), RealLines.text("new-teams-older-with-user-id.log"));
        Files.writeString(
                dir.resolve("MSTeams_2026-04-28_11-00-00.00.log"), RealLines.text("new-teams-2026-blocks-only.log"));

        node = start(PublisherConfig.teamsLogs("kate", broker.settings("kate"), dir));

        Presence p = Wire.awaitPresence(broker, "kate", q -> q.status() != Status.UNKNOWN);
        assertThat(p.status()).isEqualTo(Status.DO_NOT_DISTURB); // the older file says Busy
        assertThat(p.source()).isEqualTo("teams-log");
        assertThat(p.unread()).isZero();
        assertThat(Wire.retained(broker, "viewer", "onair/person/kate/presence").orElseThrow())
                .contains("\"unread\":0");
    }

    @Test
    void stuckCall_idlessDuplicatesAndADeclinedRing_theCallEndsOnTheWire() throws Exception {
        List<String> call = RealLines.of("new-teams-stuck-call.log");
        Path log = Files.writeString(
                dir.resolve("MSTeams_2026-07-30_09-00-00.00.log"),
                RealLines.of("new-teams-blocks.log").get(2) + "\n");
        node = start(PublisherConfig.teamsLogs("liam", broker.settings("liam"), dir));
        Wire.awaitPresence(broker, "liam", p -> p.status() == Status.BUSY && Boolean.FALSE.equals(p.inCall()));

        append(log, call.subList(0, 5)); // the meeting (three active lines), a second call rings and is declined
        Presence during = Wire.awaitPresence(broker, "liam", p -> Boolean.TRUE.equals(p.inCall()));
        assertThat(during.activity()).isEqualTo(Activity.IN_A_CALL);

        // One end line is enough (before issue 13 the id-less duplicates kept the call on after it).
        append(log, call.subList(5, 6));
        Presence after = Wire.awaitPresence(broker, "liam", p -> Boolean.FALSE.equals(p.inCall()));
        assertThat(after.activity()).isEqualTo(Activity.BUSY);
    }

    @Test
    void classicMidCall_aRenamedFileStartingWithMachineState_isACall_untilA3() throws Exception {
        List<String> lines = RealLines.of("classic-mid-call.txt");
        Path log = Files.writeString(dir.resolve("logs.txt"), lines.get(0) + "\n"); // a::1, no isOngoing line
        node = start(classic("mona", log));

        Wire.awaitPresence(broker, "mona", p -> Boolean.TRUE.equals(p.inCall()));
        assertThat(Wire.retainedPresence(broker, "viewer", "mona").orElseThrow().source())
                .isEqualTo("teams-classic-log");

        append(log, lines.subList(1, 4)); // a::0 (screen share), a::4 (unknown, ignored), a::3 (ended)
        Wire.awaitPresence(broker, "mona", p -> Boolean.FALSE.equals(p.inCall()));
    }

    @Test
    void classicMidCall_onThePhoneAlone_isBusyInACall() throws Exception {
        Path log = Files.writeString(dir.resolve("logs.txt"), RealLines.text("classic-on-the-phone.txt"));
        node = start(classic("nina", log));

        Presence p = Wire.awaitPresence(broker, "nina", q -> q.status() == Status.BUSY);
        assertThat(p.activity()).isEqualTo(Activity.IN_A_CALL);
        assertThat(p.inCall()).isTrue();
    }

    private PublisherConfig classic(String person, Path log) {
        return new PublisherConfig(
                person,
                broker.settings(person),
                Topics.DEFAULT_PREFIX,
                Source.TEAMS_LOG,
                new TeamsSettings(TeamsClient.CLASSIC, log, false, Duration.ofSeconds(2)),
                null,
                null,
                null);
    }

    private static PublisherNode start(PublisherConfig config) throws Exception {
        PublisherNode n = new PublisherNode(config);
        n.start();
        return n;
    }

    private static void append(Path log, List<String> lines) throws Exception {
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
