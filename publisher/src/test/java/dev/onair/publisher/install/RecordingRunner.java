package dev.onair.publisher.install;

import dev.onair.publisher.presence.CommandRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records every command instead of running it; a command can be told to fail, as on a machine where it would. */
final class RecordingRunner implements CommandRunner {
    final List<List<String>> commands = new ArrayList<>();
    private final Map<List<String>, String> failures = new HashMap<>();
    private final Map<List<String>, String> answers = new HashMap<>();

    RecordingRunner failing(List<String> command, String message) {
        failures.put(command, message);
        return this;
    }

    RecordingRunner answering(List<String> command, String output) {
        answers.put(command, output);
        return this;
    }

    @Override
    public String run(List<String> command) throws IOException {
        commands.add(List.copyOf(command));
        String failure = failures.get(command);
        if (failure != null) {
            throw new IOException(String.join(" ", command) + " exited with 1: " + failure);
        }
        return answers.getOrDefault(command, "");
    }
}
