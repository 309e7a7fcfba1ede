package dev.onair.display.web;

import dev.onair.display.WebSettings;
import dev.onair.display.panel.PanelHealth;
import dev.onair.display.scene.PersonView;
import dev.onair.protocol.Ids;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.light.LightCommand;
import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.lifecycle.Component;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard and its HTTP API on port 5000 (CONTRACT.md section 9), on Javalin. Read-only endpoints are open;
 * the two control endpoints go through {@link ApiKeyGuard}.
 */
public final class DashboardServer implements Component {
    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    private static final String JSON = "application/json";

    private final WebSettings settings;
    private final DashboardModel model;
    private final EventHub hub;
    private final ApiKeyGuard guard;
    private final StreamLimit streams;
    private final List<ExtraRoutes> extraRoutes;
    private Javalin app;

    public DashboardServer(WebSettings settings, DashboardModel model, EventHub hub) {
        this(settings, model, hub, List.of());
    }

    /** A dashboard that also serves the routes of other features. */
    public DashboardServer(WebSettings settings, DashboardModel model, EventHub hub, List<ExtraRoutes> extraRoutes) {
        this.extraRoutes = List.copyOf(extraRoutes);
        this.settings = settings;
        this.model = model;
        this.hub = hub;
        this.guard = new ApiKeyGuard(settings.apiKey());
        this.streams = new StreamLimit(settings.streamsPerAddress(), settings.maxStreams());
    }

    @Override
    public void start() {
        hub.start();
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.add(files -> {
                files.directory = "/web";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                // The web app manifest's own type (W3C Web App Manifest, section "Media type registration").
                files.mimeTypes.add("application/manifest+json", "webmanifest");
            });
            config.routes.before(BrowserHeaders::add);
            // The event stream is a servlet of its own beside Javalin's, for non-blocking output (issue 15).
            config.jetty.modifyServletContextHandler(handler -> {
                ServletHolder holder = new ServletHolder(new EventStreamServlet(hub, streams, this::snapshot));
                holder.setAsyncSupported(true);
                handler.addServlet(holder, "/api/events");
            });
            config.routes.get("/", this::index);
            config.routes.get("/healthz", this::health);
            config.routes.get(
                    "/api/people", ctx -> ctx.contentType(JSON).result(Json.people(model.people(), model::colour)));
            config.routes.get(
                    "/api/display",
                    ctx -> ctx.contentType(JSON).result(model.light().toJson()));
            config.routes.get(
                    "/api/display/frame",
                    ctx -> ctx.contentType(JSON)
                            .result(Json.frame(model.frame(), model.frameBrightness(), model.regions())));
            config.routes.post("/api/display", this::light);
            config.routes.post("/api/people/{person}/override", this::override);
            extraRoutes.forEach(r -> r.addTo(config.routes));
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            app.stop();
            hub.stop();
            throw new StartupException("the dashboard cannot listen on " + settings.host() + ":" + settings.port()
                    + " (" + rootMessage(e) + "). Make sure no other program uses port " + settings.port()
                    + ", or choose another with --http-port.");
        }
        log.info(
                "Dashboard on http://{}:{}/ (controls {})",
                settings.host(),
                port(),
                settings.apiKey() == null ? "from this machine only" : "with the API key");
    }

    /** The port it listens on (useful with port 0). */
    public int port() {
        return app.port();
    }

    private void index(Context ctx) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream("/web/index.html")) {
            if (in == null) {
                throw new NotFoundResponse("dashboard page missing from the jar");
            }
            ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
        }
    }

    /** 503 while the broker is out of reach or the panel refuses its frames (a display that cannot display). */
    private void health(Context ctx) {
        PanelHealth.Status panel = model.panel();
        String status = !model.connected() ? "disconnected" : panel.ok() ? "ok" : "panel_failing";
        ctx.status(status.equals("ok") ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(JSON)
                .result(Json.health(status, panel));
    }

    /** The current state as the events a new dashboard needs first. */
    private List<byte[]> snapshot() {
        List<byte[]> events = new ArrayList<>();
        for (PersonView p : model.people()) {
            if (p.presence() != null) {
                events.add(EventHub.encode(
                        "presence", Json.person(p, model.colour(p)).toString()));
            }
            if (p.availability() != null) {
                events.add(EventHub.encode("availability", Json.availability(p, model.colour(p))));
            }
        }
        events.add(EventHub.encode("display", new String(model.light().toJson(), StandardCharsets.UTF_8)));
        return events;
    }

    private void light(Context ctx) {
        guard.check(ctx);
        LightCommand command;
        try {
            command = LightCommand.parse(ctx.bodyAsBytes());
        } catch (PayloadException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        ctx.contentType(JSON).result(model.applyLight(command).toJson());
    }

    private void override(Context ctx) throws Exception {
        guard.check(ctx);
        String person = ctx.pathParam("person");
        if (!Ids.isValid(person)) {
            throw new BadRequestResponse("'" + person + "' is not a valid person id");
        }
        OverrideCommand command;
        try {
            command = OverrideCommand.parse(ctx.bodyAsBytes());
        } catch (PayloadException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        if (!model.connected()) {
            throw new ServiceUnavailableResponse("not connected to the broker; try again in a moment");
        }
        model.sendOverride(person, command).get(5, TimeUnit.SECONDS);
        ctx.status(HttpStatus.ACCEPTED).contentType(JSON).result(command.toJson());
    }

    @Override
    public void stop() {
        hub.stop();
        if (app != null) {
            app.stop();
        }
    }

    @Override
    public String name() {
        return "dashboard";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
