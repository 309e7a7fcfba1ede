package dev.onair.publisher.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A {@link SecretRunner} that records each command and its standard input, and answers from a script. */
final class RecordingRunner implements SecretRunner {
    record Call(List<String> command, String stdin) {}

    final List<Call> calls = new ArrayList<>();
    private final Deque<Result> answers = new ArrayDeque<>();

    RecordingRunner answer(int exitCode, String out, String err) {
        answers.add(new Result(exitCode, out, err));
        return this;
    }

    @Override
    public Result run(List<String> command, byte[] stdin) {
        calls.add(new Call(List.copyOf(command), new String(stdin, StandardCharsets.UTF_8)));
        return answers.isEmpty() ? new Result(0, "", "") : answers.poll();
    }
}
