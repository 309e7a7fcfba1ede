package dev.onair.publisher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The publisher in a JVM of its own, as a user starts it: the shaded jar when the build made it. */
final class PublisherJvm {
    private PublisherJvm() {}

    /** The shaded jar when the build made it (verify), else this test's own class path. */
    static List<String> command() throws IOException, URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path target = Path.of(PublisherJvm.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getParent();
        try (Stream<Path> files = Files.list(target)) {
            var jar = files.filter(p -> p.getFileName().toString().matches("onair-publisher-.*-all\\.jar"))
                    .findFirst();
            if (jar.isPresent()) {
                return List.of(java, "-jar", jar.get().toString());
            }
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(java, "-cp", classPath, PublisherMain.class.getName());
    }

    /** Starts {@code onair <args>}, its output and errors to {@code output}. */
    static Process start(Path output, List<String> args) throws IOException, URISyntaxException {
        List<String> command = new ArrayList<>(command());
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
