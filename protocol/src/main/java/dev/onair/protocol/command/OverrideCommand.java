package dev.onair.protocol.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.presence.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * An override command on {@code onair/person/<id>/set} (CONTRACT.md section 4): a bare word as Home Assistant's
 * select sends it ({@code auto}, {@code busy}, ...) or JSON ({@code {"status":"do_not_disturb","for":"PT30M"}}).
 *
 * @param status the status to force, or null for {@code auto} (clear the override)
 * @param duration how long the override lasts, or null for "until cleared"
 */
public record OverrideCommand(Status status, Duration duration) {
    /** The word that clears an override. */
    public static final String AUTO = "auto";

    /** Commands are tiny; anything larger is not one. */
    public static final int MAX_BYTES = 256;

    public OverrideCommand {
        if (status == Status.UNKNOWN) {
            throw new IllegalArgumentException("'unknown' cannot be set as an override");
        }
        if (status == null && duration != null) {
            throw new IllegalArgumentException("'auto' takes no duration");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("override duration " + duration + " must be positive");
        }
    }

    public static OverrideCommand auto() {
        return new OverrideCommand(null, null);
    }

    public static OverrideCommand of(Status status, Duration duration) {
        return new OverrideCommand(status, duration);
    }

    public boolean isAuto() {
        return status == null;
    }

    public Optional<Duration> forDuration() {
        return Optional.ofNullable(duration);
    }

    /** The JSON form, as the CLI and the dashboard send it. */
    public byte[] toJson() {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("status", isAuto() ? AUTO : status.wire());
        if (duration != null) {
            o.put("for", duration.toString());
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses either form. */
    public static OverrideCommand parse(byte[] payload) throws PayloadException {
        if (payload.length > MAX_BYTES) {
            throw new PayloadException(
                    PayloadException.Reason.TOO_LARGE,
                    null,
                    "override command is " + payload.length + " bytes, over the limit of " + MAX_BYTES);
        }
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            ObjectNode o = StrictJson.readObject(payload, MAX_BYTES);
            OverrideCommand word = word("status", StrictJson.requiredText(o, "status"));
            Optional<String> forText = StrictJson.optionalText(o, "for");
            if (forText.isEmpty()) {
                return word;
            }
            if (word.isAuto()) {
                throw StrictJson.invalid("for", "'auto' takes no duration");
            }
            return new OverrideCommand(word.status, StrictJson.duration("for", forText.get()));
        }
        return word("status", text);
    }

    private static OverrideCommand word(String field, String word) throws PayloadException {
        if (AUTO.equals(word)) {
            return auto();
        }
        Status status = Status.fromWire(word);
        if (status == null || status == Status.UNKNOWN) {
            throw new PayloadException(
                    PayloadException.Reason.UNKNOWN_VALUE,
                    field,
                    "override '" + StrictJson.abbreviate(word) + "' is not auto or a status other than unknown");
        }
        return new OverrideCommand(status, null);
    }
}
