package dev.onair.publisher.http;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.presence.Detection;
import dev.onair.runtime.lifecycle.Component;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pull mode, on the Pi's side: polls another PC's {@code GET /status} (the PowerShell status server, or another
 * publisher's {@link StatusServer}) and reports what it says with source {@code http-pull}. When the endpoint cannot
 * be reached, or answers nonsense, for longer than the grace period, the person is {@code offline}.
 */
public final class PullSource implements Component {
    private static final Logger log = LoggerFactory.getLogger(PullSource.class);
    static final String SOURCE = "http-pull";

    private final PollSettings settings;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Consumer<Detection> listener;
    private HttpClient http;
    private ScheduledFuture<?> task;
    private Instant lastGood;
    private boolean failing;

    /** @param listener receives each detection, on {@code executor} */
    public PullSource(
            PollSettings settings, ScheduledExecutorService executor, Clock clock, Consumer<Detection> listener) {
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public void start() {
        http = HttpClient.newBuilder()
                .connectTimeout(timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        lastGood = clock.instant();
        log.info("Polling {} every {}s", settings.url(), settings.interval().toSeconds());
        task = executor.scheduleWithFixedDelay(
                this::poll, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private Duration timeout() {
        Duration interval = settings.interval();
        return interval.compareTo(Duration.ofSeconds(4)) < 0 ? interval : Duration.ofSeconds(4);
    }

    private void poll() {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(timeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((response, error) -> executor.execute(() -> answered(response, error)));
    }

    private void answered(HttpResponse<byte[]> response, Throwable error) {
        if (error != null) {
            failed("cannot reach it (" + rootMessage(error) + ")");
            return;
        }
        if (response.statusCode() != 200) {
            failed("it answered HTTP " + response.statusCode());
            return;
        }
        try {
            Detection detection = PowerShellStatus.read(response.body(), SOURCE);
            lastGood = clock.instant();
            if (failing) {
                log.info("{} answers again", settings.url());
                failing = false;
            }
            listener.accept(detection);
        } catch (PayloadException e) {
            failed("its answer is not a status: " + e.getMessage());
        }
    }

    private void failed(String why) {
        if (!failing) {
            log.warn(
                    "Polling {}: {}; offline after {}s without an answer",
                    settings.url(),
                    why,
                    settings.grace().toSeconds());
            failing = true;
        } else {
            log.debug("Polling {}: {}", settings.url(), why);
        }
        if (!clock.instant().isBefore(lastGood.plus(settings.grace()))) {
            listener.accept(new Detection(Status.OFFLINE, Activity.OFFLINE, SOURCE, null, null));
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.toString();
    }

    /**
     * Pull mode's settings.
     *
     * @param url the status endpoint, such as {@code http://work-pc:8080/status}
     * @param interval how often to poll (5 s by default)
     * @param grace how long the endpoint may stay unreachable before the person is offline
     */
    public record PollSettings(URI url, Duration interval, Duration grace) {
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
        public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

        public PollSettings {
            String scheme = url == null ? null : url.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException(
                        "'" + url + "' is not an http:// or https:// URL such as http://work-pc:8080/status");
            }
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("poll interval " + interval + " must be positive");
            }
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("poll grace period " + grace + " must not be negative");
            }
        }
    }
}
