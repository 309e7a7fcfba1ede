package dev.onair.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pi side as three separate processes, the way the systemd units can run it: the broker, a display node on the
 * virtual panel (dashboard on a free port) and the Home Assistant bridge, each with the given JVM flags.
 */
public final class PiSide implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrokerHome home;
    private final int httpPort;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private NodeProcess broker;

    private PiSide(BrokerHome home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Starts the three nodes and waits until the display is connected ({@code /healthz} says ok). */
    public static PiSide start(BrokerHome home, boolean fromJar, List<String> flags) throws Exception {
        home.addUser("main", Role.DISPLAY);
        home.addUser("bridge", Role.BRIDGE);
        PiSide pi = new PiSide(home, FreePorts.one());
        try {
            pi.startBroker(fromJar, flags);
            List<String> display = new ArrayList<>(List.of(
                    "display",
                    "--panel",
                    "virtual",
                    "--http-host",
                    "127.0.0.1",
                    "--http-port",
                    Integer.toString(pi.httpPort),
                    "--rainbow-seconds",
                    "0"));
            display.addAll(home.clientArgs("main"));
            pi.nodes.add(NodeProcess.start(
                    Kind.DISPLAY, fromJar, flags, display, home.root().resolve("display.out")));
            List<String> bridge = new ArrayList<>(List.of("bridge"));
            bridge.addAll(home.clientArgs("bridge"));
            pi.nodes.add(NodeProcess.start(
                    Kind.BRIDGE, fromJar, flags, bridge, home.root().resolve("bridge.out")));
            pi.awaitHealthy(60_000);
            return pi;
        } catch (Exception | Error e) {
            pi.close();
            throw e;
        }
    }

    private void startBroker(boolean fromJar, List<String> flags) throws Exception {
        broker = NodeProcess.start(
                Kind.BROKER, fromJar, flags, home.brokerArgs(), home.root().resolve("broker.out"));
        nodes.add(0, broker);
        broker.awaitPort(home.tlsPort(), 60_000);
    }

    /** The processes: broker, display, bridge. */
    public List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code GET path} on the display's dashboard; null when it does not answer. */
    public String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until the display is connected to the broker. */
    public void awaitHealthy(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (get("/healthz") == null) {
            for (NodeProcess n : nodes) {
                if (!n.isAlive()) {
                    throw new IllegalStateException(n + " died:\n" + n.output());
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(
                        "the display is not healthy; it said:\n" + nodes.get(1).output());
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the display's {@code /api/people} shows every one of {@code people} as {@code status}. */
    public void awaitDisplayShows(List<String> people, String status, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            String json = get("/api/people");
            if (json != null && statuses(json).entrySet().containsAll(expected(people, status))) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the display does not show everyone " + status + ": " + json);
            }
            Thread.sleep(50);
        }
    }

    /** Person id to status, from {@code /api/people}. */
    public static Map<String, String> statuses(String json) {
        Map<String, String> statuses = new HashMap<>();
        try {
            for (JsonNode person : JSON.readTree(json)) {
                statuses.put(
                        person.path("person").asText(), person.path("status").asText());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the display's /api/people is not JSON: " + json, e);
        }
        return statuses;
    }

    private static Set<Map.Entry<String, String>> expected(List<String> people, String status) {
        Map<String, String> m = new HashMap<>();
        people.forEach(p -> m.put(p, status));
        return m.entrySet();
    }

    /** The nodes' resident memory now, in MiB, in {@link #nodes()} order. */
    public double[] rssMiB() throws IOException {
        double[] rss = new double[nodes.size()];
        for (int i = 0; i < rss.length; i++) {
            rss[i] = nodes.get(i).rssMiB();
        }
        return rss;
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }
}
