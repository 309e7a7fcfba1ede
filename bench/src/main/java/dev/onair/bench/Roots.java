package dev.onair.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: {@code -Donair.root}, else the working folder or its parent (run from bench/). */
final class Roots {
    private Roots() {}

    static Path repository() {
        String root = System.getProperty("onair.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("bench")) ? here : here.getParent();
    }
}
