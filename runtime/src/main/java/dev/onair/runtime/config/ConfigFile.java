package dev.onair.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML configuration file. Keys are the long option names, with {@code -} or {@code _}
 * ({@code tls-port: 8883} or {@code tls_port: 8883}). Top-level keys apply to every command that has such an option; a
 * mapping named after a command ({@code display:}, {@code publisher:}, ...) applies to that command only and wins over
 * the top level. Lists become comma-separated values; mappings under an option become {@code key=value} pairs.
 *
 * <pre>
 * broker: mqtts://pi.local     # scalar: the --broker option of every node
 * ca: certs/ca.crt
 * display:                     # mapping: only for ./onair display
 *   panel: hat-hd
 *   color: {busy: "#FF0000"}
 * </pre>
 */
public final class ConfigFile {
    private final Path path;
    private final Map<String, String> topLevel;
    private final Map<String, Map<String, String>> sections;

    private ConfigFile(Path path, Map<String, String> topLevel, Map<String, Map<String, String>> sections) {
        this.path = path;
        this.topLevel = topLevel;
        this.sections = sections;
    }

    public static ConfigFile empty() {
        return new ConfigFile(null, Map.of(), Map.of());
    }

    /**
     * Loads a YAML file.
     *
     * @param sectionNames the command names whose mappings are sections
     * @throws ConfigException if the file cannot be read or is not a YAML mapping
     */
    public static ConfigFile load(Path path, List<String> sectionNames) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new ConfigException("--config: file " + path + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("--config: cannot read " + path + ": " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(path, Map.of(), Map.of());
        }
        if (!root.isObject()) {
            throw new ConfigException("--config: " + path + " must be a YAML mapping of option names to values");
        }
        Map<String, String> top = new LinkedHashMap<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = normalise(e.getKey());
            if (e.getValue().isObject() && sectionNames.contains(key)) {
                Map<String, String> section = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> s = e.getValue().fields(); s.hasNext(); ) {
                    Map.Entry<String, JsonNode> se = s.next();
                    section.put(normalise(se.getKey()), flatten(key + "." + se.getKey(), se.getValue(), errors));
                }
                sections.put(key, section);
            } else {
                top.put(key, flatten(e.getKey(), e.getValue(), errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new ConfigFile(path, top, sections);
    }

    /** The value for {@code option} (a long name without dashes) in the section of {@code command}, else top level. */
    public String get(String command, String option) {
        Map<String, String> section = sections.get(command);
        if (section != null && section.containsKey(option)) {
            return section.get(option);
        }
        return topLevel.get(option);
    }

    public Path path() {
        return path;
    }

    public Map<String, String> topLevel() {
        return topLevel;
    }

    public Map<String, Map<String, String>> sections() {
        return sections;
    }

    static String normalise(String key) {
        return key.trim().replace('_', '-');
    }

    private static String flatten(String key, JsonNode value, List<String> errors) {
        if (value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        List<String> parts = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isValueNode()) {
                    errors.add("--config: '" + key + "' must be a list of plain values");
                    return null;
                }
                parts.add(item.asText());
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    errors.add("--config: '" + key + "." + e.getKey() + "' must be a plain value");
                    return null;
                }
                parts.add(e.getKey() + "=" + e.getValue().asText());
            }
        }
        return String.join(",", parts);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
