package dev.onair.protocol.light;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.json.StrictJson;
import java.nio.charset.StandardCharsets;

/**
 * A Home Assistant JSON-schema light command on {@code onair/display/<id>/set} (CONTRACT.md section 5): any subset
 * of state, brightness, colour and effect. Fields Home Assistant may add ({@code transition}, {@code flash}) are
 * ignored, as the discovery config says the display supports neither.
 *
 * @param on true for ON, false for OFF, null to leave as is
 * @param brightness 0 to 255, or null
 * @param color a fixed colour, or null
 * @param effect one of {@link LightState#EFFECTS}, or null
 */
public record LightCommand(Boolean on, Integer brightness, Rgb color, String effect) {
    public LightCommand {
        if (brightness != null && (brightness < 0 || brightness > 255)) {
            throw new IllegalArgumentException("brightness " + brightness + " is outside 0..255");
        }
        if (effect != null && !LightState.EFFECTS.contains(effect)) {
            throw new IllegalArgumentException("effect '" + effect + "' is not one of " + LightState.EFFECTS);
        }
    }

    public byte[] toJson() {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        if (on != null) {
            o.put("state", on ? "ON" : "OFF");
        }
        if (brightness != null) {
            o.put("brightness", brightness);
        }
        if (color != null) {
            ObjectNode c = o.putObject("color");
            c.put("r", color.r());
            c.put("g", color.g());
            c.put("b", color.b());
        }
        if (effect != null) {
            o.put("effect", effect);
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static LightCommand parse(byte[] payload) throws PayloadException {
        ObjectNode o = StrictJson.readObject(payload, LightState.MAX_BYTES);
        Boolean on = null;
        var state = StrictJson.optionalText(o, "state");
        if (state.isPresent()) {
            on = switch (state.get()) {
                case "ON" -> true;
                case "OFF" -> false;
                default ->
                    throw StrictJson.invalid("state", "'" + StrictJson.abbreviate(state.get()) + "' is not ON or OFF");
            };
        }
        Integer brightness = null;
        var b = StrictJson.optionalInt(o, "brightness");
        if (b.isPresent()) {
            brightness = brightness(b.get());
        }
        Rgb color = null;
        JsonNode c = o.get("color");
        if (c != null && !c.isNull()) {
            color = color(c);
        }
        String effect = null;
        var e = StrictJson.optionalText(o, "effect");
        if (e.isPresent()) {
            effect = effect(e.get());
        }
        if (on == null && brightness == null && color == null && effect == null) {
            throw StrictJson.invalid("state", "the command names none of state, brightness, color or effect");
        }
        return new LightCommand(on, brightness, color, effect);
    }

    static int brightness(int value) throws PayloadException {
        if (value < 0 || value > 255) {
            throw StrictJson.invalid("brightness", value + " is outside 0..255");
        }
        return value;
    }

    static Rgb color(JsonNode node) throws PayloadException {
        if (!node.isObject()) {
            throw StrictJson.wrongType("color", "an object {\"r\",\"g\",\"b\"}", node);
        }
        ObjectNode c = (ObjectNode) node;
        int[] rgb = new int[3];
        String[] channels = {"r", "g", "b"};
        for (int i = 0; i < 3; i++) {
            JsonNode v = c.get(channels[i]);
            if (v == null) {
                throw new PayloadException(
                        PayloadException.Reason.MISSING_FIELD, "color." + channels[i], "color lacks " + channels[i]);
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > 255) {
                throw StrictJson.invalid("color." + channels[i], "must be an integer 0..255");
            }
            rgb[i] = v.intValue();
        }
        return new Rgb(rgb[0], rgb[1], rgb[2]);
    }

    static String effect(String value) throws PayloadException {
        if (!LightState.EFFECTS.contains(value)) {
            throw new PayloadException(
                    PayloadException.Reason.UNKNOWN_VALUE,
                    "effect",
                    "effect '" + StrictJson.abbreviate(value) + "' is not one of " + LightState.EFFECTS);
        }
        return value;
    }
}
