package dev.onair.display.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.display.panel.Frame;
import dev.onair.display.panel.PanelHealth;
import dev.onair.display.scene.PersonView;
import dev.onair.display.scene.Region;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.PresenceCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** The dashboard API's JSON bodies (CONTRACT.md section 9). */
public final class Json {
    private Json() {}

    /**
     * A person as {@code /api/people} lists them: their presence as on the wire, plus {@code availability} and the
     * {@code color} the panel shows for them.
     */
    public static ObjectNode person(PersonView view, Rgb colour) {
        ObjectNode o;
        if (view.presence() != null) {
            try {
                o = (ObjectNode) StrictJson.MAPPER.readTree(PresenceCodec.encode(view.presence()));
            } catch (IOException e) {
                throw new UncheckedIOException("re-reading our own JSON cannot fail", e);
            }
        } else {
            o = StrictJson.MAPPER.createObjectNode();
            o.put("person", view.person());
        }
        if (view.availability() == null) {
            o.putNull("availability");
        } else {
            o.put("availability", view.availability().wire());
        }
        o.put("color", colour.toHex());
        return o;
    }

    public static String people(List<PersonView> people, Function<PersonView, Rgb> colours) {
        ArrayNode a = StrictJson.MAPPER.createArrayNode();
        people.forEach(p -> a.add(person(p, colours.apply(p))));
        return a.toString();
    }

    /**
     * The data of an {@code availability} event: the bare payload says nothing of whose it is, so the person is named,
     * with the colour the panel now shows for them.
     */
    public static String availability(PersonView view, Rgb colour) {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("person", view.person());
        if (view.availability() == null) {
            o.putNull("availability");
        } else {
            o.put("availability", view.availability().wire());
        }
        o.put("color", colour.toHex());
        return o.toString();
    }

    /**
     * {@code {"width":W,"height":H,"brightness":B,"pixels":[[r,g,b],...],"regions":[...]}}, row-major from the
     * top-left pixel; B is the brightness the LEDs run at (0-255 of full output, after night hours and the panel's own
     * cap); each region {@code {"person","x","y","width","height"}} is who has that part of the panel (issue 15).
     */
    public static String frame(Frame frame, int brightness, List<Region> regions) {
        StringBuilder sb = new StringBuilder(48 + frame.width() * frame.height() * 14);
        sb.append("{\"width\":").append(frame.width()).append(",\"height\":").append(frame.height());
        sb.append(",\"brightness\":").append(brightness);
        sb.append(",\"pixels\":[");
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int p = frame.packed(x, y);
                if (x > 0 || y > 0) {
                    sb.append(',');
                }
                sb.append('[')
                        .append((p >> 16) & 0xFF)
                        .append(',')
                        .append((p >> 8) & 0xFF)
                        .append(',');
                sb.append(p & 0xFF).append(']');
            }
        }
        sb.append("],\"regions\":[");
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            // Person ids are ^[a-z0-9][a-z0-9_-]*$: nothing in them needs escaping.
            sb.append(i > 0 ? "," : "")
                    .append("{\"person\":\"")
                    .append(r.person())
                    .append("\",\"x\":")
                    .append(r.x())
                    .append(",\"y\":")
                    .append(r.y())
                    .append(",\"width\":")
                    .append(r.width())
                    .append(",\"height\":")
                    .append(r.height())
                    .append('}');
        }
        return sb.append("]}").toString();
    }

    /** {@code /healthz}: the broker connection and the panel, with the panel's failure while it lasts. */
    public static String health(String status, PanelHealth.Status panel) {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("status", status);
        ObjectNode p = o.putObject("panel");
        p.put("status", panel.ok() ? "ok" : "failing");
        if (!panel.ok()) {
            p.put("since", panel.since().toString());
            p.put("failed_frames", panel.failedFrames());
            p.put("error", panel.error());
        }
        return o.toString();
    }
}
