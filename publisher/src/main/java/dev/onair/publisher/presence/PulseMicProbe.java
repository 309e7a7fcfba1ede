package dev.onair.publisher.presence;

import java.io.IOException;
import java.util.List;

/**
 * Linux: the microphone is in use while PipeWire or PulseAudio has a source output (a stream recording from a source),
 * listed by {@code pactl list short source-outputs}, one line per stream. {@code pactl} talks to both servers; where
 * it is missing the read fails and {@code mic} stays null.
 */
public final class PulseMicProbe implements DeviceProbe {
    private final CommandRunner runner;

    public PulseMicProbe(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public boolean inUse() throws IOException {
        return inUse(runner.run(List.of("pactl", "list", "short", "source-outputs")));
    }

    @Override
    public String describe() {
        return "pactl list short source-outputs";
    }

    static boolean inUse(String output) {
        return output.lines().anyMatch(line -> !line.isBlank());
    }
}
