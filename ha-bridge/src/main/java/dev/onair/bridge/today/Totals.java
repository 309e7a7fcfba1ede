package dev.onair.bridge.today;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One person's totals for one local day, as the bridge keeps them retained on
 * {@code onair/bridge/<bridge>/today/<person>} (CONTRACT.md section 2): Home Assistant's {@code calls_today} and
 * {@code busy_today} sensors read the minutes, a restarted bridge reads the seconds back.
 *
 * <pre>{"date":"2026-12-02","calls_min":42,"busy_min":95,"calls_s":2530,"busy_s":5712}</pre>
 *
 * @param date the local day (the bridge's time zone) these totals are for
 * @param callSeconds seconds in a call or meeting that day
 * @param busySeconds seconds busy or in do-not-disturb that day
 */
public record Totals(LocalDate date, long callSeconds, long busySeconds) {
    /** A retained payload larger than this is not one a bridge wrote. */
    static final int MAX_BYTES = 256;

    public Totals {
        Objects.requireNonNull(date, "date");
        if (callSeconds < 0 || busySeconds < 0 || callSeconds > 86_400 || busySeconds > 86_400) {
            throw new IllegalArgumentException(
                    "totals " + callSeconds + " s in calls, " + busySeconds + " s busy: each must be 0 to 86400");
        }
    }

    public long callMinutes() {
        return callSeconds / 60;
    }

    public long busyMinutes() {
        return busySeconds / 60;
    }

    public byte[] toJson() {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("date", date.toString());
        o.put("calls_min", callMinutes());
        o.put("busy_min", busyMinutes());
        o.put("calls_s", callSeconds);
        o.put("busy_s", busySeconds);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws PayloadException saying what is wrong, for the log line */
    public static Totals parse(byte[] payload) throws PayloadException {
        JsonNode o = StrictJson.readObject(payload, MAX_BYTES);
        try {
            JsonNode calls = o.path("calls_s");
            JsonNode busy = o.path("busy_s");
            if (!calls.canConvertToLong()
                    || !busy.canConvertToLong()
                    || !calls.isIntegralNumber()
                    || !busy.isIntegralNumber()) {
                throw new IllegalArgumentException("calls_s and busy_s must be whole numbers of seconds");
            }
            return new Totals(LocalDate.parse(o.path("date").asText("")), calls.asLong(), busy.asLong());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new PayloadException(PayloadException.Reason.INVALID_VALUE, null, "totals: " + e.getMessage());
        }
    }
}
