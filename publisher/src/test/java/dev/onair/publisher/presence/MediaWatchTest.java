package dev.onair.publisher.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MediaWatchTest {
    private static DeviceProbe probe(AtomicBoolean inUse, AtomicBoolean fails) {
        return new DeviceProbe() {
            @Override
            public boolean inUse() throws IOException {
                if (fails.get()) {
                    throw new IOException("denied");
                }
                return inUse.get();
            }

            @Override
            public String describe() {
                return "a test probe";
            }
        };
    }

    @Test
    void changes_areReported_once_andAFailedRead_isNull_thenRecovers() {
        AtomicBoolean camera = new AtomicBoolean();
        AtomicBoolean fails = new AtomicBoolean();
        List<MediaUse> seen = new ArrayList<>();
        MediaWatch watch = new MediaWatch(probe(camera, fails), null, null, seen::add);

        watch.poll();
        watch.poll();
        camera.set(true);
        watch.poll();
        fails.set(true);
        watch.poll();
        watch.poll();
        fails.set(false);
        watch.poll();

        assertThat(seen)
                .containsExactly(
                        new MediaUse(false, null),
                        new MediaUse(true, null),
                        new MediaUse(null, null),
                        new MediaUse(true, null));
    }

    @Test
    void macOs_hasNoProbes_bothNull() {
        List<MediaUse> seen = new ArrayList<>();
        MediaWatch.forOs("Mac OS X", null, seen::add).poll();

        assertThat(seen).containsExactly(MediaUse.UNKNOWN);
    }

    @Test
    void linux_readsTheRealProc_andPactlWhereItIsMissingIsNull() {
        List<MediaUse> seen = new ArrayList<>();
        MediaWatch.forOs("Linux", null, seen::add).poll();

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).camera()).isNotNull();
    }
}
