package dev.onair.publisher.presence;

import dev.onair.runtime.lifecycle.Component;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the camera and microphone probes every {@link #INTERVAL} on the publisher's thread and tells the listener
 * when the answer changes. A probe that fails leaves its field null and is logged once, until it works again; it
 * never stops the publisher (issue 13).
 */
public final class MediaWatch implements Component {
    private static final Logger log = LoggerFactory.getLogger(MediaWatch.class);
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    private final DeviceProbe camera;
    private final DeviceProbe mic;
    private final ScheduledExecutorService executor;
    private final Consumer<MediaUse> listener;
    private final boolean[] failing = new boolean[2];
    private MediaUse last;
    private ScheduledFuture<?> task;

    /** @param camera the camera probe, or null where this OS gives no reliable answer (the same for {@code mic}) */
    public MediaWatch(
            DeviceProbe camera, DeviceProbe mic, ScheduledExecutorService executor, Consumer<MediaUse> listener) {
        this.camera = camera;
        this.mic = mic;
        this.executor = executor;
        this.listener = listener;
    }

    /** The probes of this OS: Windows' ConsentStore, Linux's /proc and pactl, none elsewhere (macOS: null). */
    public static MediaWatch forOs(String osName, ScheduledExecutorService executor, Consumer<MediaUse> listener) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new MediaWatch(
                    new ConsentStoreProbe("webcam", CommandRunner.SYSTEM),
                    new ConsentStoreProbe("microphone", CommandRunner.SYSTEM),
                    executor,
                    listener);
        }
        if (os.startsWith("linux")) {
            return new MediaWatch(
                    ProcCameraProbe.system(), new PulseMicProbe(CommandRunner.SYSTEM), executor, listener);
        }
        return new MediaWatch(null, null, executor, listener);
    }

    @Override
    public void start() {
        long every = INTERVAL.toMillis();
        task = executor.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One read of both probes; runs on the executor. */
    void poll() {
        MediaUse now = new MediaUse(read(camera, 0), read(mic, 1));
        if (!Objects.equals(now, last)) {
            last = now;
            log.debug("Camera in use: {}, microphone in use: {}", now.camera(), now.mic());
            listener.accept(now);
        }
    }

    private Boolean read(DeviceProbe probe, int slot) {
        if (probe == null) {
            return null;
        }
        try {
            boolean inUse = probe.inUse();
            if (failing[slot]) {
                log.info("Reading {} works again", probe.describe());
                failing[slot] = false;
            }
            return inUse;
        } catch (Exception e) {
            if (!failing[slot]) {
                log.warn("Cannot read {} ({}); reported as unknown until it works", probe.describe(), e.toString());
                failing[slot] = true;
            }
            return null;
        }
    }
}
