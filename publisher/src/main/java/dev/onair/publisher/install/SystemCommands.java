package dev.onair.publisher.install;

import dev.onair.publisher.presence.CommandRunner;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link CommandRunner} for schtasks, launchctl and systemctl: standard error joins the output (their error
 * messages are the useful part of a failure) and a failure's message carries what the command said.
 */
final class SystemCommands implements CommandRunner {
    private final Duration timeout;

    SystemCommands(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        try {
            // The commands print a few lines; reading to the end first cannot fill a pipe and block the command.
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + timeout.toSeconds() + " s");
            }
            String text = new String(out, Charset.defaultCharset()).strip();
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue()
                        + (text.isEmpty() ? "" : ": " + text));
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted running " + command.get(0), e);
        }
    }
}
