package dev.onair.display;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Panel;
import dev.onair.display.panel.PanelHealth;
import dev.onair.display.scene.LightControl;
import dev.onair.display.scene.NightHours;
import dev.onair.display.scene.People;
import dev.onair.display.scene.PersonView;
import dev.onair.display.scene.Region;
import dev.onair.display.scene.SceneRenderer;
import dev.onair.protocol.light.LightState;
import dev.onair.runtime.lifecycle.Component;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the panel 25 times a second: a rainbow sweep until the first presence arrives (at most the start-up
 * rainbow's length), then whatever the light's state and the people say,
 * dimmed or dark in the night hours. A frame goes to the hardware only when it or the brightness changed. Stopping
 * clears the panel and releases it.
 */
final class RenderLoop implements Component {
    private static final Logger log = LoggerFactory.getLogger(RenderLoop.class);
    static final long PERIOD_MS = 40;

    private final Panel panel;
    private final SceneRenderer renderer;
    private final People people;
    private final LightControl light;
    private final NightHours night;
    private final Duration startupRainbow;
    private final Clock clock;
    private final AtomicReference<Frame> shown = new AtomicReference<>();
    private final AtomicInteger shownBrightness = new AtomicInteger();
    private final AtomicReference<List<Region>> shownRegions = new AtomicReference<>(List.of());
    private final PanelHealth health = new PanelHealth();
    private volatile ScheduledExecutorService executor;
    private Instant started;
    private Frame lastSent;
    private int lastBrightness = -1;

    RenderLoop(
            Panel panel,
            SceneRenderer renderer,
            People people,
            LightControl light,
            NightHours night,
            Duration startupRainbow,
            Clock clock) {
        this.panel = panel;
        this.renderer = renderer;
        this.people = people;
        this.light = light;
        this.night = night;
        this.startupRainbow = startupRainbow;
        this.clock = clock;
    }

    @Override
    public void start() throws Exception {
        panel.open();
        log.info("Showing on {}", panel.describe());
        started = clock.instant();
        shown.set(Frame.black(panel.width(), panel.height()));
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-display-render");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(this::tickSafely, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Draws a frame now, between ticks, after a change: on the render thread, so frames never overlap. Does nothing
     * before {@link #start()} or after {@link #stop()}.
     */
    void wake() {
        ScheduledExecutorService e = executor;
        if (e != null && !e.isShutdown()) {
            try {
                e.execute(this::tickSafely);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // stopped meanwhile: nothing to draw
            }
        }
    }

    /** The frame now on the panel, as the viewer sees it (before the brightness), black while dark. */
    Frame shown() {
        return shown.get();
    }

    /** Who has which part of the frame now shown; empty unless it shows the people's presence. */
    List<Region> shownRegions() {
        return shownRegions.get();
    }

    /** The brightness the LEDs run at now, 0-255 of full output (the panel's own cap applied), 0 while dark. */
    int shownBrightness() {
        return shownBrightness.get();
    }

    /** Whether the panel is taking its frames. */
    PanelHealth.Status health() {
        return health.status();
    }

    private void tickSafely() {
        try {
            if (tick()) {
                long failed = health.worked();
                if (failed > 0) {
                    log.info("{} works again after {} failed frames", panel.describe(), failed);
                }
            }
        } catch (Exception e) {
            // A panel that fails (a loose HAT, a restarted daemon) fails every frame: say so once, not 25 times a
            // second (issue 16), keep retrying every frame, and show it on /healthz and the dashboard meanwhile.
            lastSent = null;
            if (health.failed(e, clock.instant())) {
                log.warn(
                        "Could not update {}: {}; retrying every frame, logged again when it works",
                        panel.describe(),
                        e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    /** Draws a frame; true when it reached the panel, false when the panel already shows it. */
    private boolean tick() throws Exception {
        Instant now = clock.instant();
        double seconds = Duration.between(started, now).toMillis() / 1000.0;
        List<PersonView> everyone = people.inOrder();
        light.followPresence(renderer.presenceColour(everyone));
        LightState state = light.state();
        Frame frame;
        List<Region> regions = List.of();
        // The rainbow says "connecting": it ends at the first presence, so a retained state shows as soon as the
        // broker sends it, not after the sweep (issue 17, "up in a second").
        if (seconds < startupRainbow.toMillis() / 1000.0 && nobodyKnown(everyone)) {
            frame = renderer.rainbow(seconds);
        } else {
            frame = renderer.render(everyone, state, seconds);
            if (state.on() && LightState.EFFECT_PRESENCE.equals(state.effect())) {
                regions = renderer.regions(everyone, seconds);
            }
        }
        int brightness = state.brightness();
        if (night != null) {
            brightness = night.apply(brightness, LocalTime.ofInstant(now, clock.getZone()));
        }
        if (brightness == 0) {
            frame = Frame.black(panel.width(), panel.height());
            regions = List.of();
        }
        shownRegions.set(regions);
        shown.set(frame);
        shownBrightness.set(brightness == 0 ? 0 : panel.outputBrightness(brightness));
        if (!frame.equals(lastSent) || brightness != lastBrightness) {
            panel.show(frame, brightness);
            lastSent = frame;
            lastBrightness = brightness;
            return true;
        }
        return false;
    }

    private static boolean nobodyKnown(List<PersonView> everyone) {
        return everyone.stream().allMatch(v -> v.presence() == null);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        panel.close();
        shown.set(Frame.black(panel.width(), panel.height()));
        shownBrightness.set(0);
        shownRegions.set(List.of());
        log.info("Panel cleared");
    }

    @Override
    public String name() {
        return "panel";
    }
}
