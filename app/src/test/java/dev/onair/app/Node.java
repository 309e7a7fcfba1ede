package dev.onair.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One {@code java -jar onair-app-*-all.jar ...} process, its output appended to {@code log}. */
record Node(Path log, Process process) {
    static Node start(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up speed over peak performance: four JVMs share a small CI machine.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toString()));
        command.addAll(args);
        Files.writeString(
                log,
                "---- onair " + String.join(" ", args).replaceAll("--password \\S+", "--password ***") + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new Node(log, process);
    }

    /** The all-in-one jar: {@code -Donair.jar=...}, else the one {@code package} put in {@code target/}. */
    static Path jar() throws IOException {
        String given = System.getProperty("onair.jar");
        if (given != null) {
            return Path.of(given);
        }
        try (var files = Files.newDirectoryStream(Path.of("target"), "onair-app-*-all.jar")) {
            for (Path jar : files) {
                return jar.toAbsolutePath();
            }
        }
        throw new IllegalStateException(
                "no target/onair-app-*-all.jar: run ./mvnw -pl app package first, or give -Donair.jar=FILE");
    }

    int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code kill -9}: no shutdown hook runs, no DISCONNECT is sent. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGTERM, as Ctrl-C or {@code systemctl stop}: the node publishes offline and exits. */
    void stop() {
        if (process.isAlive()) {
            process.destroy();
            if (waitFor(Duration.ofSeconds(15)) == -1) {
                process.destroyForcibly();
            }
        }
    }
}
