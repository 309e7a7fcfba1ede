package dev.onair.publisher.setup;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where setup asks its questions: lines on standard input, so a script or a test can answer them; a password is read
 * without echo when a real console is attached.
 */
final class Terminal {
    /** Standard input ended while a question was open. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(String question) {
            super(question);
        }
    }

    private final BufferedReader in;
    private final PrintStream out;
    private final Console console;

    Terminal(InputStream in, PrintStream out, Console console) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.console = console;
    }

    void say(String line) {
        out.println(line);
        out.flush();
    }

    /** Asks {@code question}; an empty answer is {@code byDefault} (shown in brackets when not null). */
    String ask(String question, String byDefault) {
        out.print(question + (byDefault == null || byDefault.isEmpty() ? "" : " [" + byDefault + "]") + ": ");
        out.flush();
        String line = readLine(question);
        return line.isBlank() && byDefault != null ? byDefault : line.strip();
    }

    boolean confirm(String question, boolean byDefault) {
        while (true) {
            String answer =
                    ask(question + (byDefault ? " [Y/n]" : " [y/N]"), null).toLowerCase(java.util.Locale.ROOT);
            if (answer.isEmpty()) {
                return byDefault;
            }
            if (answer.equals("y") || answer.equals("yes")) {
                return true;
            }
            if (answer.equals("n") || answer.equals("no")) {
                return false;
            }
            say("Please answer y or n.");
        }
    }

    String password(String question) {
        if (console != null) {
            char[] typed = console.readPassword("%s: ", question);
            if (typed == null) {
                throw new NoAnswer(question);
            }
            return new String(typed);
        }
        out.print(question + ": ");
        out.flush();
        return readLine(question);
    }

    /** The next line of standard input, as {@code --password-stdin} takes it. */
    String line(String what) {
        return readLine(what);
    }

    private String readLine(String question) {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new NoAnswer(question);
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
