package dev.onair.publisher.presence;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command and returns what it printed; a command that cannot start, hangs or fails is an IOException. */
public interface CommandRunner {
    String run(List<String> command) throws IOException;

    /** The real one: at most 5 s, standard error discarded, output in the platform's charset. */
    CommandRunner SYSTEM = command -> {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in 5 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
            }
            return new String(out, Charset.defaultCharset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted running " + command.get(0), e);
        }
    };
}
