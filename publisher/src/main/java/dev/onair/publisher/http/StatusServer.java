package dev.onair.publisher.http;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.publisher.presence.Detection;
import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.lifecycle.BrowserOrigin;
import dev.onair.runtime.lifecycle.Component;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoints of the older PowerShell scripts (CONTRACT.md section 8, port 8080): {@code GET /status} and
 * {@code GET /health} for pull mode, and with push ingress on, {@code POST /status}, which publishes the pushed
 * status as the person's presence. A push needs the API key ({@code Authorization: Bearer KEY} or
 * {@code X-API-Key: KEY}) unless the server is bound to loopback and no key is set; a bad key gets 401 and bad JSON
 * 400 with the reason, and nothing is published then. A push must also be {@code application/json} (415 otherwise)
 * and come from no other web origin, nor, bound to loopback, name another host (403; see {@link BrowserOrigin}):
 * a page in the user's browser can then not post a presence. {@code /health} answers 503 while the broker is lost.
 */
public final class StatusServer implements Component {
    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);
    private static final String JSON = "application/json";

    private final HttpSettings settings;
    private final Supplier<Presence> current;
    private final BooleanSupplier brokerConnected;
    private final Function<Detection, Presence> push;
    private final Clock clock;
    private Javalin app;

    /**
     * @param push applies a pushed detection and returns the presence decided, or null when push ingress is off
     */
    public StatusServer(
            HttpSettings settings,
            Supplier<Presence> current,
            BooleanSupplier brokerConnected,
            Function<Detection, Presence> push,
            Clock clock) {
        this.settings = settings;
        this.current = current;
        this.brokerConnected = brokerConnected;
        this.push = push;
        this.clock = clock;
    }

    @Override
    public void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = PowerShellStatus.MAX_BYTES;
            config.routes.get("/status", this::status);
            config.routes.get("/health", this::health);
            if (push != null) {
                config.routes.post("/status", this::push);
            }
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            app = null;
            if (hasCause(e, BindException.class)) {
                throw new StartupException("port " + settings.port() + " on " + settings.bind()
                        + " is already in use. Make sure no other program uses it, or choose another with "
                        + "--http-port");
            }
            throw new StartupException("cannot start the HTTP server on " + settings.bind() + ":" + settings.port()
                    + ": " + e.getMessage());
        }
        log.info(
                "HTTP status on http://{}:{}/status{}",
                settings.bind(),
                app.port(),
                push == null
                        ? ""
                        : ", push ingress on POST /status"
                                + (settings.apiKey() == null ? " (loopback, no key)" : " (API key required)"));
    }

    /** The port listened on (the real one when 0 was asked for). */
    public int port() {
        return app == null ? -1 : app.port();
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    private void status(Context ctx) {
        ctx.contentType(JSON).result(PowerShellStatus.write(current.get(), clock.instant()));
    }

    private void health(Context ctx) {
        boolean connected = brokerConnected.getAsBoolean();
        String body = connected
                ? "{\"status\":\"ok\",\"broker\":\"connected\"}"
                : "{\"status\":\"disconnected\",\"broker\":\"disconnected\"}";
        ctx.status(connected ? 200 : 503).contentType(JSON).result(body);
    }

    private void push(Context ctx) {
        String contentType = ctx.contentType();
        // A browser sends a cross-origin form (text/plain, urlencoded, multipart) without asking first; JSON it must
        // preflight, and this server answers no preflight.
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            log.warn("Refused a push from {}: Content-Type {}", ctx.ip(), contentType == null ? "missing" : "not JSON");
            error(ctx, 415, "send the status as application/json");
            return;
        }
        String host = ctx.header("Host");
        if (settings.isLoopback() && !BrowserOrigin.isLoopbackHost(host)) {
            log.warn("Refused a push from {}: Host is not this machine", ctx.ip());
            error(ctx, 403, "Host must be localhost or 127.0.0.1 on a server bound to loopback");
            return;
        }
        if (!BrowserOrigin.isSameOrigin(ctx.header("Origin"), host)) {
            log.warn("Refused a push from {}: sent by a web page on another origin", ctx.ip());
            error(ctx, 403, "a push from a web page on another Origin is refused");
            return;
        }
        if (!authorised(ctx)) {
            log.warn("Refused a push from {}: missing or wrong API key", ctx.ip());
            error(ctx, 401, "missing or wrong API key: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'");
            return;
        }
        Detection detection;
        try {
            detection = PowerShellStatus.read(ctx.bodyAsBytes(), "http-push");
        } catch (PayloadException e) {
            log.warn("Refused a push from {}: {}", ctx.ip(), e.getMessage());
            error(ctx, 400, e.getMessage());
            return;
        }
        Presence decided = push.apply(detection);
        ctx.contentType(JSON).result(PresenceCodec.encode(decided));
    }

    private boolean authorised(Context ctx) {
        String key = settings.apiKey();
        if (key == null) {
            return settings.isLoopback();
        }
        String given = ctx.header("X-API-Key");
        String authorization = ctx.header("Authorization");
        if (given == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        }
        return given != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }

    private static void error(Context ctx, int code, String reason) {
        String body = dev.onair.protocol.json.StrictJson.MAPPER
                .createObjectNode()
                .put("error", reason)
                .toString();
        ctx.status(code).contentType(JSON).result(body);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
