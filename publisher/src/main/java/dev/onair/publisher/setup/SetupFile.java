package dev.onair.publisher.setup;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The configuration setup writes: the YAML the publisher reads with {@code --config} (runtime's ConfigFile; keys are
 * option names). It names where the password is kept, never the password.
 */
final class SetupFile {
    private SetupFile() {}

    static void write(Path file, Map<String, String> keys) throws IOException {
        YAMLMapper yaml = new YAMLMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        String text = "# OnAir publisher configuration, written by onair publisher setup (run it again to change).\n"
                + "# Start the publisher with: onair publisher --config " + file + "\n"
                + yaml.writeValueAsString(keys);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".publisher-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
