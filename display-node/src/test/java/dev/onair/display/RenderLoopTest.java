package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Panel;
import dev.onair.display.panel.PanelHealth;
import dev.onair.display.scene.Layout;
import dev.onair.display.scene.LightControl;
import dev.onair.display.scene.Look;
import dev.onair.display.scene.NightHours;
import dev.onair.display.scene.People;
import dev.onair.display.scene.SceneRenderer;
import dev.onair.protocol.light.LightCommand;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RenderLoopTest {
    /** Keeps every frame and brightness it is given. */
    static final class RecordingPanel implements Panel {
        final List<Frame> frames = new CopyOnWriteArrayList<>();
        final List<Integer> brightness = new CopyOnWriteArrayList<>();
        volatile boolean open;
        volatile boolean closed;
        volatile boolean failing;

        @Override
        public int width() {
            return 4;
        }

        @Override
        public int height() {
            return 4;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void show(Frame frame, int b) throws IOException {
            if (failing) {
                throw new IOException("SPI 0.0: wrote 0 of 769 bytes");
            }
            frames.add(frame);
            brightness.add(b);
        }

        @Override
        public int outputBrightness(int b) {
            return b / 2; // a HAT that caps at half, like the original Unicorn HAT
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String describe() {
            return "recording panel";
        }
    }

    private final RecordingPanel panel = new RecordingPanel();
    private final People people = new People(List.of());
    private final LightControl light =
            new LightControl(new LightState(true, 100, Rgb.BLACK, LightState.EFFECT_PRESENCE));

    private RenderLoop loop(NightHours night, Duration rainbow, Clock clock) {
        SceneRenderer renderer = new SceneRenderer(4, 4, Look.defaults(), Layout.SPLIT, Duration.ofSeconds(5));
        return new RenderLoop(panel, renderer, people, light, night, rainbow, clock);
    }

    @Test
    void startsWithARainbow_endsItAtTheFirstPresence_andClearsOnStop() throws Exception {
        // A rainbow far longer than the wait: the presence must end it, not the clock.
        RenderLoop loop = loop(null, Duration.ofMinutes(10), Clock.systemUTC());

        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !panel.frames.isEmpty());
        people.updatePresence(
                new Presence("a", Status.BUSY, Activity.BUSY, Instant.EPOCH, "teams-log", null, null, null));
        loop.wake();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> panel.frames.stream().anyMatch(f -> f.equals(Frame.solid(4, 4, new Rgb(255, 0, 0)))));
        loop.stop();

        Frame first = panel.frames.get(0);
        assertThat(first.packed(0, 0)).isNotEqualTo(first.packed(3, 3)); // the rainbow, not a solid colour
        assertThat(panel.brightness).contains(100);
        assertThat(panel.closed).isTrue();
        assertThat(loop.shown().isBlack()).isTrue();
        assertThat(light.state().color()).isEqualTo(new Rgb(255, 0, 0)); // the state follows the presence shown
    }

    @Test
    void nightHoursOff_darkenTheFrame() throws Exception {
        people.updatePresence(
                new Presence("a", Status.AVAILABLE, Activity.AVAILABLE, Instant.EPOCH, "teams-log", null, null, null));
        Clock midnight = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);
        RenderLoop loop = loop(NightHours.parse("22:00-07:00", NightHours.Mode.OFF, 16), Duration.ZERO, midnight);

        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !panel.frames.isEmpty());
        loop.stop();

        assertThat(panel.frames.get(0).isBlack()).isTrue();
        assertThat(panel.brightness.get(0)).isZero();
    }

    @Test
    void lightCommand_brightness_reachesThePanel() throws Exception {
        RenderLoop loop = loop(null, Duration.ZERO, Clock.systemUTC());
        loop.start();

        light.apply(new LightCommand(null, 33, null, null));

        await().atMost(Duration.ofSeconds(5)).until(() -> panel.brightness.contains(33));
        loop.stop();
    }

    @Test
    void aFailingPanel_isLoggedOnce_retriedEveryFrame_shownInHealth_andLoggedOnceMoreWhenItWorksAgain()
            throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(RenderLoop.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            panel.failing = true;
            RenderLoop loop = loop(null, Duration.ZERO, Clock.systemUTC());
            loop.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> loop.health().failedFrames() >= 5);
            PanelHealth.Status failing = loop.health();
            assertThat(failing.ok()).isFalse();
            assertThat(failing.error()).contains("wrote 0 of 769 bytes");
            assertThat(failing.since()).isNotNull();

            panel.failing = false;
            await().atMost(Duration.ofSeconds(10)).until(() -> loop.health().ok());
            loop.stop();

            assertThat(panel.frames).isNotEmpty();
            assertThat(logs.list)
                    .filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                            || e.getFormattedMessage().contains("works again"))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .satisfiesExactly(
                            first -> assertThat(first).contains("wrote 0 of 769 bytes", "every frame"),
                            recovered -> assertThat(recovered).contains("works again", "failed frames"));
            assertThat(loop.health().failedFrames()).isZero();
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void shownBrightness_isWhatThePanelReallyRunsAt() throws Exception {
        RenderLoop loop = loop(null, Duration.ZERO, Clock.systemUTC());
        loop.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> panel.brightness.contains(100));
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.shownBrightness() == 50);
        loop.stop();

        assertThat(loop.shownBrightness()).isZero();
    }
}
