package dev.onair.display.history;

import dev.onair.display.web.ExtraRoutes;
import dev.onair.protocol.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /api/people/{id}/history} and {@code GET /api/people/{id}/days}: JSON, or CSV with {@code Accept:
 * text/csv}. Bad parameters get 400 naming the parameter and why; a person never seen gets an empty result.
 */
public final class HistoryRoutes implements ExtraRoutes {
    /** The longest history range one request may ask for. */
    public static final Duration MAX_HISTORY = Duration.ofDays(31);
    /** The most days one request may ask for. */
    public static final int MAX_DAYS = 400;
    /** What {@code days} gives without {@code from}: the last week. */
    static final int DEFAULT_DAYS = 7;

    private final HistoryReader reader;
    private final Clock clock;
    private final ZoneId zone;
    private final HistoryBodies bodies;

    /**
     * @param reader the history file's reader, or null when the display keeps no history
     * @param colour the panel's colour (as {@code #RRGGBB}) for a look key
     */
    public HistoryRoutes(HistoryReader reader, Clock clock, ZoneId zone, Function<String, String> colour) {
        this.reader = reader;
        this.clock = clock;
        this.zone = zone;
        this.bodies = new HistoryBodies(colour);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/people/{person}/history", this::history);
        routes.get("/api/people/{person}/days", this::days);
        // Javalin's own 400 body would not name the parameter.
        routes.exception(
                BadParameter.class,
                (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                        .contentType("application/json")
                        .result(HistoryBodies.error(e.parameter, e.getMessage())));
        routes.exception(
                Unavailable.class,
                (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType("application/json")
                        .result(HistoryBodies.error(null, e.getMessage())));
    }

    private void history(Context ctx) {
        String person = person(ctx);
        Instant now = clock.instant();
        Instant from = instant(
                ctx, "from", LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant());
        Instant to = instant(
                ctx,
                "to",
                LocalDate.ofInstant(from, zone).plusDays(1).atStartOfDay(zone).toInstant());
        if (!to.isAfter(from)) {
            throw new BadParameter("to", "must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_HISTORY) > 0) {
            throw new BadParameter(
                    "to", "the range is capped at " + MAX_HISTORY.toDays() + " days; ask for several ranges");
        }
        List<Segment> segments =
                read(person, from, to).stream().map(s -> s.clip(from, to, now)).toList();
        if (wantsCsv(ctx)) {
            ctx.contentType("text/csv; charset=utf-8").result(bodies.historyCsv(person, segments));
        } else {
            ctx.contentType("application/json").result(bodies.historyJson(person, from, to, now, segments));
        }
    }

    private void days(Context ctx) {
        String person = person(ctx);
        Instant now = clock.instant();
        LocalDate to = date(ctx, "to", LocalDate.ofInstant(now, zone));
        LocalDate from = date(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
        if (to.isBefore(from)) {
            throw new BadParameter("to", "must not be before from (" + from + ")");
        }
        long count = ChronoUnit.DAYS.between(from, to) + 1;
        if (count > MAX_DAYS) {
            throw new BadParameter("to", "the range is capped at " + MAX_DAYS + " days (asked for " + count + ")");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<DaySummary> days = DaySummary.of(read(person, start, end), from, to, zone, now);
        if (wantsCsv(ctx)) {
            ctx.contentType("text/csv; charset=utf-8").result(bodies.daysCsv(days));
        } else {
            ctx.contentType("application/json").result(bodies.daysJson(person, zone, days));
        }
    }

    private List<Segment> read(String person, Instant from, Instant to) {
        if (reader == null) {
            throw new Unavailable("this display keeps no history (start it with --data DIR)");
        }
        try {
            return reader.segments(person, from, to);
        } catch (SQLException e) {
            throw new Unavailable("history cannot be read now: " + e.getMessage());
        }
    }

    private static String person(Context ctx) {
        String person = ctx.pathParam("person");
        if (!Ids.isValid(person)) {
            throw new BadParameter("person", "'" + person + "' is not a valid person id");
        }
        return person;
    }

    private static Instant instant(Context ctx, String name, Instant otherwise) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "'" + value + "' is not an ISO-8601 instant such as 2026-12-01T08:00:00Z");
        }
    }

    private static LocalDate date(Context ctx, String name, LocalDate otherwise) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "'" + value + "' is not a date such as 2026-12-01 (YYYY-MM-DD)");
        }
    }

    private static boolean wantsCsv(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
    }

    static final class BadParameter extends RuntimeException {
        final String parameter;

        BadParameter(String parameter, String why) {
            super(parameter + ": " + why);
            this.parameter = parameter;
        }
    }

    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
