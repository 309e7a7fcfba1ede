package dev.onair.bridge.discovery;

import static dev.onair.bridge.discovery.PlatformRules.enumValue;
import static dev.onair.bridge.discovery.PlatformRules.keys;
import static dev.onair.bridge.discovery.PlatformRules.light;
import static dev.onair.bridge.discovery.PlatformRules.nonEmptyStrings;
import static dev.onair.bridge.discovery.PlatformRules.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a device discovery payload against Home Assistant's rules as written down in {@code ha-mqtt-rules.json}:
 * required keys present, no key Home Assistant would drop or reject, enum values valid. Returns every problem found,
 * so a failing test says exactly which key of which component is wrong.
 */
final class HaRules {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode RULES = load();

    private HaRules() {}

    static JsonNode rules() {
        return RULES;
    }

    static List<String> check(String topic, byte[] payload) {
        List<String> problems = new ArrayList<>();
        if (!topic.matches(RULES.at("/discovery_topic/pattern").asText())) {
            problems.add("topic " + topic + " would be dropped as an illegal discovery topic");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (IOException e) {
            problems.add("payload is not JSON: " + e.getMessage());
            return problems;
        }
        if (root == null || !root.isObject()) {
            problems.add("payload is not a JSON object");
            return problems;
        }
        JsonNode spec = RULES.get("device_discovery_root");
        keys(problems, "root", root, strings(spec.get("allowed")), strings(spec.get("required")));
        device(problems, root.path("device"));
        origin(problems, root.path("origin"));
        availability(problems, "root", root);
        JsonNode components = root.path("components");
        if (!components.isObject() || components.isEmpty()) {
            problems.add("components must be a non-empty object");
            return problems;
        }
        Set<String> uniqueIds = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("[a-zA-Z0-9_-]+")) {
                problems.add("component key '" + e.getKey() + "' has characters Home Assistant's cleanup cannot split");
            }
            component(problems, e.getKey(), e.getValue(), root, uniqueIds);
        }
        return problems;
    }

    private static void component(List<String> problems, String key, JsonNode c, JsonNode root, Set<String> uniqueIds) {
        String where = "component " + key;
        if (!c.isObject()) {
            problems.add(where + " is not an object");
            return;
        }
        String platform = c.path("platform").asText(null);
        if (platform == null || !strings(RULES.at("/enums/platform/values")).contains(platform)) {
            problems.add(where + ": platform '" + platform + "' is not a supported component");
            return;
        }
        JsonNode platformSpec = RULES.at("/platforms/" + platform);
        if (platformSpec.isMissingNode()) {
            problems.add(where + ": no rules written down for platform " + platform);
            return;
        }
        // Home Assistant pops "platform", then copies shared root options the component does not set.
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        c.fields().forEachRemaining(f -> merged.put(f.getKey(), f.getValue()));
        merged.remove("platform");
        for (String shared : List.of(
                "availability",
                "availability_mode",
                "availability_template",
                "availability_topic",
                "command_topic",
                "encoding",
                "message_expiry_interval",
                "payload_available",
                "payload_not_available",
                "state_topic",
                "qos")) {
            if (root.has(shared) && !merged.containsKey(shared)) {
                merged.put(shared, root.get(shared));
            }
        }
        JsonNode mergedNode = MAPPER.valueToTree(merged);
        Set<String> allowed = new HashSet<>(strings(RULES.at("/common_entity_keys/allowed")));
        allowed.addAll(strings(platformSpec.get("allowed")));
        keys(problems, where, mergedNode, List.copyOf(allowed), strings(platformSpec.get("required")));
        for (String removed : strings(platformSpec.path("removed"))) {
            if (merged.containsKey(removed)) {
                problems.add(where + ": '" + removed + "' was removed from Home Assistant");
            }
        }
        if (strings(RULES.at("/entity_platforms/values")).contains(platform)) {
            String uid = c.path("unique_id").asText(null);
            if (uid == null || uid.isEmpty()) {
                problems.add(where + ": an entity platform needs unique_id");
            } else if (!uniqueIds.add(uid)) {
                problems.add(where + ": unique_id " + uid + " is used twice");
            }
        }
        availability(problems, where, mergedNode);
        enumValue(problems, where, mergedNode, "entity_category", "/enums/entity_category/values");
        enumValue(problems, where, mergedNode, "qos", "/enums/qos/values");
        JsonNode defaultEntityId = mergedNode.get("default_entity_id");
        if (defaultEntityId != null) {
            String id = defaultEntityId.asText();
            if (!id.startsWith(platform + ".")
                    || !id.matches(RULES.at("/entity_id/pattern").asText())) {
                problems.add(where + ": default_entity_id '" + id + "' is not a valid " + platform + ".<object_id>");
            }
        }
        if (mergedNode.has("name")
                && !mergedNode.get("name").isNull()
                && !mergedNode.get("name").isTextual()) {
            problems.add(where + ": name must be a string or null");
        }
        switch (platform) {
            case "sensor" -> sensor(problems, where, mergedNode);
            case "binary_sensor" ->
                enumValue(problems, where, mergedNode, "device_class", "/enums/binary_sensor_device_class/values");
            case "select" -> nonEmptyStrings(problems, where, mergedNode.get("options"), "options");
            case "light" -> light(problems, where, mergedNode);
            case "button" ->
                enumValue(problems, where, mergedNode, "device_class", "/enums/button_device_class/values");
            default -> {}
        }
    }

    private static void device(List<String> problems, JsonNode device) {
        JsonNode spec = RULES.get("device");
        if (!device.isObject()) {
            problems.add("device must be an object");
            return;
        }
        keys(problems, "device", device, strings(spec.get("allowed")), List.of());
        boolean identified = false;
        for (String k : strings(spec.get("at_least_one_of"))) {
            identified |= device.has(k) && !device.get(k).isEmpty();
        }
        if (!identified) {
            problems.add("device needs identifiers or connections");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = device.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("identifiers")) {
                nonEmptyStrings(problems, "device", e.getValue(), "identifiers");
            } else if (!e.getKey().equals("connections") && !e.getValue().isTextual()) {
                problems.add("device." + e.getKey() + " must be a string");
            }
        }
    }

    private static void origin(List<String> problems, JsonNode origin) {
        JsonNode spec = RULES.get("origin");
        if (!origin.isObject()) {
            problems.add("origin must be an object");
            return;
        }
        keys(problems, "origin", origin, strings(spec.get("allowed")), strings(spec.get("required")));
        String url = origin.path("support_url").asText("http://x");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            problems.add("origin.support_url must be an http(s) URL");
        }
    }

    private static void availability(List<String> problems, String where, JsonNode c) {
        if (c.has("availability") && c.has("availability_topic")) {
            problems.add(where + ": availability and availability_topic cannot be combined");
        }
        enumValue(problems, where, c, "availability_mode", "/enums/availability_mode/values");
        JsonNode list = c.get("availability");
        if (list == null) {
            return;
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(where + ": availability must be a non-empty list");
            return;
        }
        JsonNode spec = RULES.get("availability_item");
        for (JsonNode item : list) {
            keys(
                    problems,
                    where + " availability item",
                    item,
                    strings(spec.get("allowed")),
                    strings(spec.get("required")));
        }
    }

    static List<String> strings(JsonNode array) {
        return PlatformRules.strings(array);
    }

    private static JsonNode load() {
        try (InputStream in = HaRules.class.getResourceAsStream("/ha-mqtt-rules.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
