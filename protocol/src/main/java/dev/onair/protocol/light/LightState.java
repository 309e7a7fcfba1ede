package dev.onair.protocol.light;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A display's retained state on {@code onair/display/<id>/state}, in Home Assistant's JSON-schema light format
 * (CONTRACT.md section 5).
 *
 * @param on whether the panel is lit
 * @param brightness 0 to 255
 * @param color the fixed colour shown, or the colour of the presence shown, never null
 * @param effect one of {@link #EFFECTS}
 */
public record LightState(boolean on, int brightness, Rgb color, String effect) {
    /** Shows the people's presence: the default. */
    public static final String EFFECT_PRESENCE = "presence";
    /** A rainbow sweep, until {@code presence} is chosen again. */
    public static final String EFFECT_RAINBOW = "rainbow";
    /** A fixed colour set by a colour command, until {@code presence} is chosen again. */
    public static final String EFFECT_SOLID = "solid";
    /** Every effect a display accepts, in the order Home Assistant lists them. */
    public static final List<String> EFFECTS = List.of(EFFECT_PRESENCE, EFFECT_RAINBOW, EFFECT_SOLID);

    public static final int MAX_BYTES = 1024;

    public LightState {
        if (brightness < 0 || brightness > 255) {
            throw new IllegalArgumentException("brightness " + brightness + " is outside 0..255");
        }
        Objects.requireNonNull(color, "color");
        if (!EFFECTS.contains(effect)) {
            throw new IllegalArgumentException("effect '" + effect + "' is not one of " + EFFECTS);
        }
    }

    /** Applies a command: the fields it names change, the others stay. A colour alone selects {@code solid}. */
    public LightState apply(LightCommand command) {
        boolean newOn = command.on() != null ? command.on() : on;
        int newBrightness = command.brightness() != null ? command.brightness() : brightness;
        Rgb newColor = command.color() != null ? command.color() : color;
        String newEffect =
                command.effect() != null ? command.effect() : command.color() != null ? EFFECT_SOLID : effect;
        // Home Assistant turns a light on by sending brightness or colour without "state".
        if (command.on() == null && (command.brightness() != null || command.color() != null)) {
            newOn = true;
        }
        return new LightState(newOn, newBrightness, newColor, newEffect);
    }

    public byte[] toJson() {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("state", on ? "ON" : "OFF");
        o.put("brightness", brightness);
        o.put("color_mode", "rgb");
        ObjectNode c = o.putObject("color");
        c.put("r", color.r());
        c.put("g", color.g());
        c.put("b", color.b());
        o.put("effect", effect);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static LightState parse(byte[] payload) throws PayloadException {
        ObjectNode o = StrictJson.readObject(payload, MAX_BYTES);
        String state = StrictJson.requiredText(o, "state");
        if (!state.equals("ON") && !state.equals("OFF")) {
            throw StrictJson.invalid("state", "'" + StrictJson.abbreviate(state) + "' is not ON or OFF");
        }
        int brightness = LightCommand.brightness(StrictJson.requiredInt(o, "brightness"));
        Rgb color = LightCommand.color(StrictJson.required(o, "color"));
        String effect = LightCommand.effect(StrictJson.requiredText(o, "effect"));
        return new LightState(state.equals("ON"), brightness, color, effect);
    }
}
