package dev.onair.bridge.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The per-platform rules of {@code ha-mqtt-rules.json} (sensor, light) and the key, enum and list checks every rule
 * uses; {@link HaRules} walks the payload and calls them.
 */
final class PlatformRules {
    private static final JsonNode RULES = HaRules.rules();

    private PlatformRules() {}

    static void sensor(List<String> problems, String where, JsonNode c) {
        if ("config".equals(c.path("entity_category").asText(null))) {
            problems.add(where + ": a sensor cannot have entity_category config");
        }
        enumValue(problems, where, c, "device_class", "/enums/sensor_device_class/values");
        enumValue(problems, where, c, "state_class", "/enums/sensor_state_class/values");
        JsonNode unit = c.get("unit_of_measurement");
        String deviceClass = c.path("device_class").asText(null);
        if (unit != null && deviceClass != null && !"enum".equals(deviceClass)) {
            JsonNode units = RULES.at("/sensor_device_class_units/" + deviceClass);
            if (units.isMissingNode()) {
                problems.add(where + ": no units written down for device_class " + deviceClass);
            } else if (!strings(units).contains(unit.asText())) {
                problems.add(
                        where + ": unit_of_measurement " + unit + " is not a unit of " + deviceClass + " " + units);
            }
        }
        JsonNode options = c.get("options");
        if (options != null) {
            nonEmptyStrings(problems, where, options, "options");
            if (!"enum".equals(c.path("device_class").asText(null))) {
                problems.add(where + ": options need device_class enum");
            }
            if (c.has("state_class") || c.has("unit_of_measurement")) {
                problems.add(where + ": options exclude state_class and unit_of_measurement");
            }
        }
    }

    static void light(List<String> problems, String where, JsonNode c) {
        enumValue(problems, where, c, "schema", "/enums/light_schema/values");
        JsonNode modes = c.get("supported_color_modes");
        if (modes != null) {
            Set<String> valid = new HashSet<>(strings(RULES.at("/enums/color_mode/values")));
            List<String> list = strings(modes);
            if (list.isEmpty() || new HashSet<>(list).size() != list.size()) {
                problems.add(where + ": supported_color_modes must be a non-empty list without repeats");
            }
            for (String m : list) {
                if (!valid.contains(m)) {
                    problems.add(where + ": color mode '" + m + "' is not valid");
                }
            }
            if ((list.contains("onoff") || list.contains("brightness")) && list.size() > 1) {
                problems.add(where + ": onoff and brightness must be the only color mode");
            }
            if (list.contains("white")
                    && list.stream()
                            .noneMatch(m ->
                                    List.of("hs", "rgb", "rgbw", "rgbww", "xy").contains(m))) {
                problems.add(where + ": white needs a color mode");
            }
        }
        for (String flag : List.of("brightness", "effect", "flash", "transition", "optimistic", "retain")) {
            if (c.has(flag) && !c.get(flag).isBoolean()) {
                problems.add(where + ": " + flag + " must be true or false");
            }
        }
        if (c.has("effect_list")) {
            nonEmptyStrings(problems, where, c.get("effect_list"), "effect_list");
        }
    }

    static void keys(
            List<String> problems, String where, JsonNode object, List<String> allowed, List<String> required) {
        Set<String> allow = new HashSet<>(allowed);
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allow.contains(k)) {
                problems.add(where + ": unknown key '" + k + "' (Home Assistant drops or rejects it)");
            }
        }
        for (String r : required) {
            if (!object.has(r) || object.get(r).isNull()) {
                problems.add(where + ": required key '" + r + "' is missing");
            }
        }
    }

    static void enumValue(List<String> problems, String where, JsonNode c, String key, String valuesPath) {
        JsonNode v = c.get(key);
        if (v == null) {
            return;
        }
        for (JsonNode allowed : RULES.at(valuesPath)) {
            if (allowed.equals(v)) {
                return;
            }
        }
        problems.add(where + ": " + key + " " + v + " is not one of " + RULES.at(valuesPath));
    }

    static void nonEmptyStrings(List<String> problems, String where, JsonNode list, String key) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(where + ": " + key + " must be a non-empty list");
            return;
        }
        for (JsonNode v : list) {
            if (!v.isTextual() || v.asText().isEmpty()) {
                problems.add(where + ": " + key + " holds a non-string or empty value " + v);
            }
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
