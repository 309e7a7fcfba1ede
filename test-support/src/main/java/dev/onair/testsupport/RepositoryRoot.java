package dev.onair.testsupport;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checkout's root folder, for tests and benchmarks that read the compose files or start the built jars. Found the
 * way Maven finds its multi-module project directory: the nearest folder above that holds {@code .mvn}; searched from
 * the working folder (Maven runs each module's tests in the module's folder), then from where this class was loaded
 * (a jar in a module's {@code target} folder, run from anywhere).
 */
public final class RepositoryRoot {
    private RepositoryRoot() {}

    /**
     * @throws IllegalStateException if neither the working folder nor this jar lies inside an OnAir checkout
     */
    public static Path get() {
        return above(Path.of("").toAbsolutePath())
                .or(() -> codeSource().flatMap(RepositoryRoot::above))
                .orElseThrow(() -> new IllegalStateException("not inside an OnAir checkout (no folder with .mvn above "
                        + Path.of("").toAbsolutePath() + "): run from the repository"));
    }

    private static Optional<Path> above(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeSource() {
        try {
            return Optional.of(Path.of(RepositoryRoot.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
