package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/** {@link ComposeFileIT}'s way to Debian's {@code docker-compose}, and to what its {@code config} prints. */
final class Compose {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Compose() {}

    /** One published port, whichever syntax docker-compose printed it in; {@code hostIp} "" for every address. */
    record Port(String hostIp, int published, int target) {
        static Port of(JsonNode entry) {
            if (entry.isTextual()) { // "127.0.0.1:1883:1883/tcp", "5000:5000"
                String[] parts = entry.asText().replaceFirst("/\\w+$", "").split(":");
                int n = parts.length;
                return new Port(n == 3 ? parts[0] : "", Integer.parseInt(parts[n - 2]), Integer.parseInt(parts[n - 1]));
            }
            return new Port(
                    entry.path("host_ip").asText(""),
                    entry.path("published").asInt(),
                    entry.path("target").asInt());
        }
    }

    static List<Port> ports(JsonNode service) {
        List<Port> ports = new ArrayList<>();
        service.path("ports").forEach(p -> ports.add(Port.of(p)));
        return ports;
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code docker-compose config} of {@code file} in {@code project}: the file as Compose resolves it. */
    static JsonNode resolved(Path project, String file) throws IOException {
        Result result = run(project, file, "config");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return YAML.readTree(result.stdout());
    }

    record Result(int exitCode, String stdout, String output) {}

    /** Runs {@code docker-compose -f file args} in {@code project}, its output kept apart. */
    static Result run(Path project, String file, String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--no-ansi", "-f", file));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(project, "compose", ".out");
            Path err = Files.createTempFile(project, "compose", ".err");
            Process p = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "timed out after 60 s: " + command);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            return new Result(
                    p.exitValue(), stdout, command + "\n" + stdout + Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean installed() {
        try {
            Process p = new ProcessBuilder("docker-compose", "version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
