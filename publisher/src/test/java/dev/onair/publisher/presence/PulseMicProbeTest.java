package dev.onair.publisher.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code pactl} is not installed here: the probe is tested by what it runs and by reading its output's layout. */
class PulseMicProbeTest {
    @Test
    void aSourceOutputListed_isInUse_noneIsNot() throws IOException {
        List<List<String>> ran = new ArrayList<>();
        String[] output = {"42\t57\t101\tprotocol-native.c\tfloat32le 1ch 48000Hz\n"};
        PulseMicProbe probe = new PulseMicProbe(command -> {
            ran.add(command);
            return output[0];
        });

        assertThat(probe.inUse()).isTrue();
        output[0] = "";
        assertThat(probe.inUse()).isFalse();
        assertThat(ran.get(0)).containsExactly("pactl", "list", "short", "source-outputs");
    }
}
