package dev.onair.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret given inline ({@code --password}) or, better, as a file whose first line it is ({@code --password-file}),
 * which keeps it out of the command line and the shell history. The one reading of such files.
 */
public final class Secrets {
    private Secrets() {}

    /**
     * The secret, or null when neither is given; problems go to {@code errors}.
     *
     * @param option the inline option's name, e.g. {@code --api-key}; the file option is that name plus {@code -file}
     */
    public static String resolve(ConfigErrors errors, String option, String inline, Path file) {
        if (inline != null && file != null) {
            errors.add(option + " and " + option + "-file: give one, not both");
        }
        if (file == null) {
            return inline;
        }
        try {
            return firstLine(file);
        } catch (IOException e) {
            errors.add(option + "-file: cannot read " + file);
            return null;
        }
    }

    /** The file's first line, trimmed; empty for an empty file. */
    public static String firstLine(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(String::trim).orElse("");
        }
    }
}
