package dev.onair.display.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.display.WebSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: many real event streams at once, with no thread per stream, where a stalled client delays nobody and is
 * disconnected once it has taken nothing for the stall limit.
 */
class EventFanOutTest {
    private static final int READERS = 200;

    private final ExecutorService clientThreads = Executors.newFixedThreadPool(2);
    private final HttpClient http =
            HttpClient.newBuilder().executor(clientThreads).build();
    private final List<Socket> stuck = new ArrayList<>();
    private EventHub hub;
    private DashboardServer server;

    private void start(EventHub eventHub) {
        hub = eventHub;
        server = new DashboardServer(new WebSettings("127.0.0.1", 0, null, READERS + 10, 1000), new StubModel(), hub);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : stuck) {
            s.close();
        }
        if (server != null) {
            server.stop();
        }
        clientThreads.shutdownNow();
    }

    @Test
    void twoHundredStreams_allGetEveryEvent_aStalledOneDelaysNobody_andNoThreadIsTakenPerStream() throws Exception {
        // Room for a burst of 20 beside the snapshot: a reader that keeps up loses nothing.
        start(new EventHub(64));
        Socket stalled = openStalled();
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.clientCount() == 1);
        String big = "x".repeat(64 * 1024);
        // Stall it first: events until its socket takes no more and its queue overflows.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    hub.broadcast("presence", "{\"n\":\"fill\",\"pad\":\"" + big + "\"}");
                    return hub.dropped() > 0;
                });
        long droppedWhenStalled = hub.dropped();

        Seen seen = new Seen();
        for (int i = 0; i < READERS; i++) {
            listen(i, seen);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.clientCount() == READERS + 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.count("event: display") == READERS);
        // Before issue 15 every stream had its own sender thread waiting in it: 201 of them here. (Jetty's pool may
        // grow under a burst of requests; its idle threads hold no stream.)
        assertThat(threadsInsideTheDashboard()).as("threads holding a stream").isLessThan(10);

        for (int i = 0; i < 20; i++) {
            hub.broadcast("presence", "{\"n\":" + i + "}");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> seen.count("data: {\"n\":19}") == READERS);
        for (int i = 0; i < 20; i++) {
            assertThat(seen.count("data: {\"n\":" + i + "}")).as("event " + i).isEqualTo(READERS);
        }
        // The stalled client is still there (its stall limit is a minute), losing its oldest events meanwhile.
        assertThat(hub.clientCount()).isEqualTo(READERS + 1);
        assertThat(hub.dropped()).isGreaterThanOrEqualTo(droppedWhenStalled + 20);
        assertThat(stalled.isClosed()).isFalse();
    }

    @Test
    void clientThatTakesNothingForItsStallLimit_isDisconnected_theReaderStays() throws Exception {
        start(new EventHub(16, Duration.ofSeconds(2)));
        Socket stalled = openStalled();
        Seen seen = new Seen();
        listen(0, seen);
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.clientCount() == 2);
        String big = "x".repeat(64 * 1024);
        for (int i = 0; i < 100; i++) {
            hub.broadcast("presence", "{\"n\":" + i + ",\"pad\":\"" + big + "\"}");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> hub.clientCount() == 1);
        hub.broadcast("presence", "{\"n\":\"after\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.count("data: {\"n\":\"after\"}") == 1);
        // The server closed the stalled one: reading what it had buffered ends in end-of-stream.
        stalled.setSoTimeout(30_000);
        InputStream in = stalled.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        while (in.read(buffer) >= 0) {
            // drain
        }
    }

    @Test
    void eventStream_carriesTheBrowserHardeningHeaders_andTheEventStreamType() throws Exception {
        start(new EventHub());
        // Completes with the headers; the body is an endless stream.
        HttpResponse<InputStream> r = http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/events"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        r.body().close();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(r.headers().firstValue("content-security-policy")).contains(BrowserHeaders.CSP);
        assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(r.headers().firstValue("cache-control")).contains("no-cache");
    }

    /** Threads now running or waiting inside the dashboard's code (not counting this test's own). */
    private static long threadsInsideTheDashboard() {
        return java.util.Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(t -> java.util.Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().startsWith("dev.onair.display.web.")
                                && !f.getClassName().startsWith(EventFanOutTest.class.getName())))
                .count();
    }

    /** A stream whose client never reads a byte, with a tiny receive buffer. */
    private Socket openStalled() throws Exception {
        Socket s = new Socket();
        stuck.add(s);
        s.setReceiveBufferSize(1024);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream out = s.getOutputStream();
        out.write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** Reads a stream without blocking a thread: lines arrive on the client's two threads. */
    private void listen(int id, Seen seen) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/events"))
                .header("Accept", "text/event-stream")
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (!line.contains("\"pad\"")) {
                    seen.add(line, id);
                }
            }

            @Override
            public void onError(Throwable throwable) {}

            @Override
            public void onComplete() {}
        }));
    }

    /** Which streams have seen each line. */
    private static final class Seen {
        private final ConcurrentHashMap<String, java.util.Set<Integer>> byLine = new ConcurrentHashMap<>();

        void add(String line, int id) {
            byLine.computeIfAbsent(line, l -> ConcurrentHashMap.newKeySet()).add(id);
        }

        int count(String line) {
            java.util.Set<Integer> ids = byLine.get(line);
            return ids == null ? 0 : ids.size();
        }
    }
}
