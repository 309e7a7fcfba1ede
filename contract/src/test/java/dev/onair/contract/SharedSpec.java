package dev.onair.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/spec} beside the repository, where CI puts it. */
public final class SharedSpec {
    private SharedSpec() {}

    public static Path file(String name) {
        String root = System.getProperty("onair.root", System.getProperty("user.dir") + "/..");
        Path path = Path.of(root)
                .toAbsolutePath()
                .normalize()
                .resolveSibling("shared")
                .resolve("spec")
                .resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(
                    "the shared spec is missing: " + path + " (clone the repository with ../shared beside it)");
        }
        return path;
    }
}
