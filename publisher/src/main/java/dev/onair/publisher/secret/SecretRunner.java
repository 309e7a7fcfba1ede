package dev.onair.publisher.secret;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a store's command-line tool ({@code security}, {@code secret-tool}) with the secret on standard input, never
 * on its command line, where every user of the machine could read it in the process list.
 */
public interface SecretRunner {
    /** What a command did. */
    record Result(int exitCode, String out, String err) {}

    /** Runs {@code command} with {@code stdin} as its standard input; a command that cannot start is an IOException. */
    Result run(List<String> command, byte[] stdin) throws IOException;

    /** The real runner, with this process's environment. */
    static SecretRunner system() {
        return system(Map.of());
    }

    /** The real runner, with {@code extraEnv} added to this process's environment (a session bus address). */
    static SecretRunner system(Map<String, String> extraEnv) {
        return (command, stdin) -> {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(extraEnv);
            Process p = pb.start();
            // Read both outputs while writing, so a tool that answers before reading all its input cannot block.
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // The tool ended without reading its input; its exit code and message say why.
            }
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(command.get(0) + " did not finish within 30 s");
                }
                return new Result(
                        p.exitValue(),
                        new String(out.join(), StandardCharsets.UTF_8),
                        new String(err.join(), StandardCharsets.UTF_8).trim());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted running " + command.get(0), e);
            }
        };
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
