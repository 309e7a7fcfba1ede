package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.display.history.HistoryReader;
import dev.onair.display.history.HistorySettings;
import dev.onair.display.history.HistoryWriter;
import dev.onair.display.history.Logs;
import dev.onair.display.history.Segment;
import dev.onair.display.panel.Frame;
import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import dev.onair.testsupport.Cleanup;
import dev.onair.testsupport.SmallFileSystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A full disk under the history: one line, the light and the dashboard go on, history resumes with room. */
class HistoryDiskFullIT {
    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    @TempDir
    Path tmp;

    private void publish(Status status, Activity activity) {
        var r = MosquittoClients.publish(
                broker, "eve", "onair/person/eve/presence", DisplayFixture.presence("eve", status, activity), true);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void fullDisk_pausesHistoryWithOneLine_theLightGoesOn_andHistoryResumesWhenThereIsRoom() throws Exception {
        Path data = tmp.resolve("data");
        SmallFileSystem disk = cleanup.add(SmallFileSystem.mount(data, "2m"));
        broker.addUser("eve", Role.PUBLISHER);
        broker.addUser("hall", Role.DISPLAY);
        HistorySettings history = new HistorySettings(data, 400, ZoneOffset.UTC, Duration.ofMillis(200));
        DisplayNode node = cleanup.add(
                new DisplayNode(DisplayFixture.config(broker, "hall").withHistory(history)), DisplayNode::stop);
        HistoryReader reader = new HistoryReader(history.file());
        Instant start = Instant.now().minusSeconds(1);
        try (Logs logs = new Logs(HistoryWriter.class)) {
            node.start();
            publish(Status.AVAILABLE, Activity.AVAILABLE);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> rows(reader, start).size() == 1);

            disk.fill();
            // Change after change until one does not fit (the WAL may still hold a few).
            Status[] cycle = {Status.BUSY, Status.AWAY, Status.AVAILABLE};
            Activity[] acts = {Activity.BUSY, Activity.AWAY, Activity.AVAILABLE};
            for (int i = 0; i < 300 && logs.count("History paused") == 0; i++) {
                publish(cycle[i % 3], acts[i % 3]);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> logs.count("History paused") == 1);

            // The light and the dashboard go on.
            publish(Status.BUSY, Activity.BUSY);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> node.frame().equals(Frame.solid(16, 16, Rgb.parseHex("#FF0000"))));
            HttpResponse<String> people = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/people"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(people.statusCode()).isEqualTo(200);
            assertThat(people.body()).contains("\"status\":\"busy\"");
            publish(Status.AWAY, Activity.AWAY);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> node.frame().equals(Frame.solid(16, 16, Rgb.parseHex("#FFFF00"))));

            disk.free();

            await().atMost(Duration.ofSeconds(30)).until(() -> logs.count("History resumed") == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<Segment> rows = rows(reader, start);
                return rows.get(rows.size() - 1).state().status().equals("away");
            });
            assertThat(logs.count("History paused")).isEqualTo(1);
        }
    }

    private static List<Segment> rows(HistoryReader reader, Instant start) throws Exception {
        return reader.segments("eve", start, Instant.now().plusSeconds(60));
    }
}
