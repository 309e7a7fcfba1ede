package dev.onair.protocol.presence;

import static dev.onair.protocol.json.StrictJson.MAPPER;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.Ids;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.json.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes presence exactly as CONTRACT.md section 3 shows it, and reads it strictly: a payload that is not JSON, is
 * over 1024 bytes, lacks a required field, has a wrong type or an unknown status is a {@link PayloadException}.
 * Unknown fields are ignored, so version 1 can grow.
 */
public final class PresenceCodec {
    /** The contract's size limit for a presence payload. */
    public static final int MAX_BYTES = 1024;

    private PresenceCodec() {}

    public static byte[] encode(Presence p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", Presence.VERSION);
            g.writeStringField("person", p.person());
            g.writeStringField("status", p.status().wire());
            g.writeStringField("activity", p.activity().wire());
            g.writeStringField("since", instant(p.since()));
            g.writeStringField("source", p.source());
            writeNullableBoolean(g, "teams_running", p.teamsRunning());
            writeNullableBoolean(g, "in_call", p.inCall());
            if (p.overrideUntil() == null) {
                g.writeNullField("override_until");
            } else {
                g.writeStringField("override_until", instant(p.overrideUntil()));
            }
            if (p.unread() == null) {
                g.writeNullField("unread");
            } else {
                g.writeNumberField("unread", p.unread());
            }
            writeNullableBoolean(g, "camera", p.camera());
            writeNullableBoolean(g, "mic", p.mic());
            // Absent rather than null when none is configured: a payload without a name stays byte for byte what it
            // was before the field existed.
            if (p.name() != null) {
                g.writeStringField("name", p.name());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    public static Presence decode(byte[] payload) throws PayloadException {
        ObjectNode o = StrictJson.readObject(payload, MAX_BYTES);
        JsonNode v = StrictJson.required(o, "v");
        if (!v.isIntegralNumber()) {
            throw StrictJson.wrongType("v", "an integer", v);
        }
        if (!v.canConvertToInt() || v.intValue() != Presence.VERSION) {
            throw new PayloadException(
                    PayloadException.Reason.UNKNOWN_VALUE,
                    "v",
                    "field 'v' is " + StrictJson.abbreviate(v.asText()) + ", this version reads only "
                            + Presence.VERSION);
        }
        String person = StrictJson.requiredText(o, "person");
        if (!Ids.isValid(person)) {
            throw StrictJson.invalid("person", "'" + StrictJson.abbreviate(person) + "' is not a valid person id");
        }
        Status status = StrictJson.enumValue("status", StrictJson.requiredText(o, "status"), Status::fromWire);
        Activity activity =
                StrictJson.enumValue("activity", StrictJson.requiredText(o, "activity"), Activity::fromWire);
        Instant since = StrictJson.instant("since", StrictJson.requiredText(o, "since"), true);
        String source = StrictJson.requiredText(o, "source");
        if (source.isEmpty() || source.length() > 32) {
            throw StrictJson.invalid("source", "must be 1 to 32 characters");
        }
        return new Presence(
                person,
                status,
                activity,
                since,
                source,
                StrictJson.nullableBoolean(o, "teams_running"),
                StrictJson.nullableBoolean(o, "in_call"),
                overrideUntil(o),
                unread(o),
                StrictJson.nullableBoolean(o, "camera"),
                StrictJson.nullableBoolean(o, "mic"),
                name(o));
    }

    /** {@code override_until}: absent or null is "no override in force". */
    private static Instant overrideUntil(ObjectNode o) throws PayloadException {
        var until = StrictJson.optionalText(o, "override_until");
        return until.isPresent() ? StrictJson.instant("override_until", until.get(), false) : null;
    }

    /** {@code name}: absent or null is "no display name" (payloads from before the field). */
    private static String name(ObjectNode o) throws PayloadException {
        JsonNode n = o.get("name");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw StrictJson.wrongType("name", "a string or null", n);
        }
        try {
            return Presence.checkName(n.textValue());
        } catch (IllegalArgumentException e) {
            throw StrictJson.invalid("name", e.getMessage());
        }
    }

    /** {@code unread}: absent or null is "not known" (payloads from before the field). */
    private static Integer unread(ObjectNode o) throws PayloadException {
        JsonNode n = o.get("unread");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            throw StrictJson.wrongType("unread", "a non-negative integer or null", n);
        }
        return n.intValue();
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void writeNullableBoolean(JsonGenerator g, String field, Boolean value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeBooleanField(field, value);
        }
    }
}
