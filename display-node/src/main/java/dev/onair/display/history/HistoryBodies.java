package dev.onair.display.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.presence.Status;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The history API's bodies: JSON, and CSV with a header row (RFC 4180 quoting by Jackson's CSV module). */
final class HistoryBodies {
    private static final CsvMapper CSV = new CsvMapper();
    private static final List<String> SEGMENT_COLUMNS =
            List.of("person", "status", "activity", "in_call", "camera", "source", "from", "to");

    private final Function<String, String> colour;

    HistoryBodies(Function<String, String> colour) {
        this.colour = colour;
    }

    String historyJson(String person, Instant from, Instant to, Instant now, List<Segment> segments) {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("person", person);
        o.put("from", from.toString());
        o.put("to", to.toString());
        // The node's clock, so a client draws an ongoing segment up to the same moment the server counted to.
        o.put("now", now.toString());
        ArrayNode a = o.putArray("segments");
        for (Segment s : segments) {
            ObjectNode n = a.addObject();
            PersonState st = s.state();
            n.put("status", st.status());
            n.put("activity", st.activity());
            putBoolean(n, "in_call", st.inCall());
            putBoolean(n, "camera", st.camera());
            n.put("source", st.source());
            n.put("color", colour.apply(st.lookKey()));
            n.put("from", s.from().toString());
            putInstant(n, "to", s.to());
        }
        return o.toString();
    }

    String historyCsv(String person, List<Segment> segments) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Segment s : segments) {
            Map<String, Object> r = new LinkedHashMap<>();
            PersonState st = s.state();
            r.put("person", person);
            r.put("status", st.status());
            r.put("activity", st.activity());
            r.put("in_call", st.inCall());
            r.put("camera", st.camera());
            r.put("source", st.source());
            r.put("from", s.from().toString());
            r.put("to", s.to() == null ? null : s.to().toString());
            rows.add(r);
        }
        return csv(SEGMENT_COLUMNS, rows);
    }

    String daysJson(String person, ZoneId zone, List<DaySummary> days) {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("person", person);
        o.put("zone", zone.getId());
        // The panel's colour of each status, so a chart of the days matches the panel and the timeline.
        ObjectNode colours = o.putObject("colors");
        for (Status s : Status.values()) {
            colours.put(s.wire(), colour.apply(s.wire()));
        }
        ArrayNode a = o.putArray("days");
        for (DaySummary d : days) {
            ObjectNode n = a.addObject();
            n.put("date", d.date().toString());
            ObjectNode by = n.putObject("seconds_by_status");
            d.secondsByStatus().forEach(by::put);
            n.put("seconds_in_calls", d.secondsInCalls());
            n.put("calls", d.calls());
            putInstant(n, "first_seen", d.firstSeen());
            putInstant(n, "last_seen", d.lastSeen());
        }
        return o.toString();
    }

    /** One column per status, in the contract's order, so every day has the same columns. */
    String daysCsv(List<DaySummary> days) {
        List<String> columns = new ArrayList<>(List.of("date"));
        for (Status s : Status.values()) {
            columns.add("seconds_" + s.wire());
        }
        columns.addAll(List.of("seconds_in_calls", "calls", "first_seen", "last_seen"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DaySummary d : days) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("date", d.date().toString());
            for (Status s : Status.values()) {
                r.put("seconds_" + s.wire(), d.secondsByStatus().getOrDefault(s.wire(), 0L));
            }
            r.put("seconds_in_calls", d.secondsInCalls());
            r.put("calls", d.calls());
            r.put("first_seen", d.firstSeen() == null ? null : d.firstSeen().toString());
            r.put("last_seen", d.lastSeen() == null ? null : d.lastSeen().toString());
            rows.add(r);
        }
        return csv(columns, rows);
    }

    static String error(String parameter, String message) {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        if (parameter != null) {
            o.put("parameter", parameter);
        }
        o.put("error", message);
        return o.toString();
    }

    private static String csv(List<String> columns, List<Map<String, Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing plain values as CSV cannot fail", e);
        }
    }

    private static void putBoolean(ObjectNode n, String name, Boolean value) {
        if (value == null) {
            n.putNull(name);
        } else {
            n.put(name, value);
        }
    }

    private static void putInstant(ObjectNode n, String name, Instant value) {
        if (value == null) {
            n.putNull(name);
        } else {
            n.put(name, value.toString());
        }
    }
}
