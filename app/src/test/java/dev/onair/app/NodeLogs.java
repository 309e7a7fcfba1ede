package dev.onair.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints every node's output when the test fails. */
final class NodeLogs implements TestWatcher {
    private final List<Path> files = new CopyOnWriteArrayList<>();

    void add(Path file) {
        if (!files.contains(file)) {
            files.add(file);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (Path file : files) {
            try {
                System.err.println("===== " + file + " =====");
                System.err.println(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                System.err.println("(cannot read " + file + ": " + e + ")");
            }
        }
    }
}
