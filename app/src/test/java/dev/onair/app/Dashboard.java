package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What {@link SystemIT} reads from the display's dashboard: health, the panel's frame, the people, the events. */
final class Dashboard {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int httpPort;

    Dashboard(int httpPort) {
        this.httpPort = httpPort;
    }

    int status(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Whether every pixel of the panel shows {@code rgb} (one person fills the panel). */
    boolean frameIs(List<Integer> rgb) throws IOException, InterruptedException {
        JsonNode frame = get("/api/display/frame");
        assertThat(frame.path("pixels").size())
                .isEqualTo(frame.path("width").asInt() * frame.path("height").asInt());
        for (JsonNode pixel : frame.path("pixels")) {
            if (pixel.get(0).asInt() != rgb.get(0)
                    || pixel.get(1).asInt() != rgb.get(1)
                    || pixel.get(2).asInt() != rgb.get(2)) {
                return false;
            }
        }
        return true;
    }

    JsonNode person(String id) throws IOException, InterruptedException {
        for (JsonNode p : get("/api/people")) {
            if (p.path("person").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no " + id + " in /api/people");
    }

    /**
     * Opens {@code /api/events} and returns once the dashboard's first state has arrived; each event is collected as
     * "name data", and a stream that fails or ends adds "error ..." or "closed" so a wait on it says why.
     */
    List<String> openEventStream() {
        List<String> events = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/events"))
                .header("Accept", "text/event-stream")
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        events.add("error HTTP " + response.statusCode());
                    }
                    String[] name = {"message"};
                    response.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring("event:".length()).strip();
                        } else if (line.startsWith("data:")) {
                            events.add(name[0] + " "
                                    + line.substring("data:".length()).strip());
                        }
                    });
                    events.add("closed");
                })
                .exceptionally(e -> {
                    events.add("error " + e);
                    return null;
                });
        // The snapshot ends with the display's state: from then on every change is a broadcast this stream gets.
        await("event stream open: " + events)
                .atMost(Duration.ofSeconds(15))
                .until(() -> events.stream().anyMatch(e -> e.startsWith("display ") || e.startsWith("error")));
        assertThat(events).noneMatch(e -> e.startsWith("error"));
        return events;
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(5))
                .build();
    }
}
