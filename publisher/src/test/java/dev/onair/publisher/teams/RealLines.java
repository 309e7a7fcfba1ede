package dev.onair.publisher.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The real Teams log lines in {@code src/test/resources/teams/real}: each file names, in a comment above every line,
 * where the line was published. Comments are dropped here, so only Teams' own text reaches the parser.
 */
public final class RealLines {
    private RealLines() {}

    public static List<String> of(String file) {
        try (InputStream in = RealLines.class.getResourceAsStream("/teams/real/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource teams/real/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's lines as Teams would have written them: one per line, each ending in a newline. */
    public static String text(String file) {
        StringBuilder b = new StringBuilder();
        of(file).forEach(line -> b.append(line).append('\n'));
        return b.toString();
    }

    static TeamsLogState read(TeamsClient client, String file) {
        return read(client, TeamsAccount.WORK, file);
    }

    static TeamsLogState read(TeamsClient client, TeamsAccount account, String file) {
        TeamsLogState state = new TeamsLogState(client, account);
        of(file).forEach(state::accept);
        return state;
    }
}
