package dev.onair.publisher.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code /proc} of this machine, with a temporary folder standing in for {@code /dev}: this test's own JVM is
 * the process that holds the "camera" open.
 */
class ProcCameraProbeTest {
    @TempDir
    Path dev;

    @Test
    void aProcessHoldsVideoOpen_isInUse_andClosing_isNot() throws IOException {
        Path video = Files.writeString(dev.resolve("video0"), "frames");
        Files.writeString(dev.resolve("audio0"), "not a camera");
        ProcCameraProbe probe = new ProcCameraProbe(Path.of("/proc"), dev);
        assertThat(probe.inUse()).isFalse();

        try (FileInputStream held = new FileInputStream(video.toFile())) {
            assertThat(probe.inUse()).isTrue();
        }

        assertThat(probe.inUse()).isFalse();
    }

    @Test
    void anotherDeviceHeldOpen_isNotTheCamera() throws IOException {
        Path audio = Files.writeString(dev.resolve("snd-pcm"), "not a camera");
        ProcCameraProbe probe = new ProcCameraProbe(Path.of("/proc"), dev);

        try (FileInputStream held = new FileInputStream(audio.toFile())) {
            assertThat(probe.inUse()).isFalse();
        }
    }

    @Test
    void procCannotBeRead_isAnIOException() throws IOException {
        Files.writeString(dev.resolve("video0"), "frames");
        ProcCameraProbe probe = new ProcCameraProbe(dev.resolve("no-proc"), dev);

        assertThatThrownBy(probe::inUse).isInstanceOf(IOException.class);
    }

    @Test
    void noVideoDevice_isNotInUse_withoutReadingProc() throws IOException {
        Files.writeString(dev.resolve("snd-pcm"), "not a camera");
        // A /proc that cannot be read would be an IOException (above): it is not looked at.
        ProcCameraProbe probe = new ProcCameraProbe(dev.resolve("no-proc"), dev);

        assertThat(probe.inUse()).isFalse();
    }
}
