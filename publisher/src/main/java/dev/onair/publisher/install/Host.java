package dev.onair.publisher.install;

import dev.onair.publisher.presence.CommandRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The few things a login service does to this computer: write a file, delete it, run an OS command. With
 * {@code dryRun} it only prints them, so {@code --dry-run} shows exactly what a real run would do. Every command goes
 * through the {@link CommandRunner}, which the tests record.
 */
final class Host {
    private final CommandRunner runner;
    private final PrintWriter out;
    private final boolean dryRun;

    Host(CommandRunner runner, PrintWriter out, boolean dryRun) {
        this.runner = runner;
        this.out = out;
        this.dryRun = dryRun;
    }

    boolean dryRun() {
        return dryRun;
    }

    boolean exists(Path file) {
        return Files.exists(file);
    }

    /**
     * Writes {@code bytes} to {@code file}, making its folder; {@code shown} is the text printed for a dry run (the
     * bytes themselves may be UTF-16).
     */
    void write(Path file, byte[] bytes, String shown) throws IOException {
        if (dryRun) {
            out.println("Would write " + file + ":");
            out.println(shown.stripTrailing());
            out.println();
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
        out.println("Wrote " + file);
    }

    void delete(Path file) throws IOException {
        if (dryRun) {
            out.println("Would delete " + file);
        } else if (Files.deleteIfExists(file)) {
            out.println("Deleted " + file);
        }
    }

    void mkdirs(Path dir) throws IOException {
        if (dryRun) {
            out.println("Would make the folder " + dir);
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Runs a command that must succeed. */
    String run(List<String> command) throws IOException {
        if (dryRun) {
            out.println("Would run: " + String.join(" ", command));
            return "";
        }
        out.println("Running: " + String.join(" ", command));
        return runner.run(command);
    }

    /**
     * Runs a command whose failure is expected and harmless (stopping what is not running); says so and goes on.
     */
    void runTolerant(List<String> command) {
        try {
            run(command);
        } catch (IOException e) {
            out.println("  (" + e.getMessage() + "; going on)");
        }
    }

    /** Runs a read-only query, also in a dry run; its failure is part of the answer. */
    String query(List<String> command) {
        try {
            return runner.run(command).strip();
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    PrintWriter out() {
        return out;
    }
}
