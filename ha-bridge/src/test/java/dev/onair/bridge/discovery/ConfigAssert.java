package dev.onair.bridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Key-by-key checks of discovery payloads, shared by the config tests. */
final class ConfigAssert {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The bridge id the config tests use, and its availability topic. */
    static final String BRIDGE_ID = "pi";

    static final String BRIDGE_AVAILABILITY = "onair/bridge/pi/availability";

    /** The keys every component has. */
    static final Set<String> COMMON =
            Set.of("platform", "unique_id", "default_entity_id", "name", "availability", "availability_mode", "qos");

    private ConfigAssert() {}

    static void assertComponent(
            JsonNode c, String platform, String uniqueId, String defaultEntityId, String name, String... specific) {
        Set<String> expected = new HashSet<>(COMMON);
        expected.addAll(List.of(specific));
        assertThat(fields(c)).as(uniqueId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(c.get("platform").asText()).isEqualTo(platform);
        assertThat(c.get("unique_id").asText()).isEqualTo(uniqueId);
        assertThat(c.get("default_entity_id").asText()).isEqualTo(defaultEntityId);
        assertThat(c.get("name").asText()).isEqualTo(name);
        assertThat(c.get("qos").asInt()).isEqualTo(1);
    }

    static void assertAvailability(JsonNode c, String nodeTopic) throws Exception {
        assertThat(c.get("availability"))
                .isEqualTo(MAPPER.readTree(
                        "[{\"topic\":\"" + BRIDGE_AVAILABILITY + "\"},{\"topic\":\"" + nodeTopic + "\"}]"));
        assertThat(c.get("availability_mode").asText()).isEqualTo("all");
    }

    /** No support_url: the pom's project URL names a repository that does not exist (issue 12). */
    static void assertOrigin(JsonNode origin) {
        assertThat(fields(origin)).containsExactly("name", "sw_version");
        assertThat(origin.get("name").asText()).isEqualTo("OnAir");
        assertThat(origin.get("sw_version").asText()).isNotBlank();
    }

    static Set<String> fields(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static byte[] bytes(JsonNode node) throws Exception {
        return MAPPER.writeValueAsBytes(node);
    }
}
