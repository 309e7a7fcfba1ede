package dev.onair.publisher.http;

import static dev.onair.protocol.json.StrictJson.MAPPER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.json.StrictJson;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Colours;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.presence.Detection;
import dev.onair.publisher.teams.TeamsPresence;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The JSON of the older PowerShell scripts: {@code {"availability":"Busy","activity":"InACall","color":"#FF0000",
 * "timestamp":"..."}}, with Teams' PascalCase words. The status server writes it; push ingress and the pull poller
 * read it.
 */
public final class PowerShellStatus {
    /** Status bodies are small; a larger one is not a status. */
    public static final int MAX_BYTES = 4096;

    private PowerShellStatus() {}

    /** The body of {@code GET /status} for a presence (or "unknown" before there is one). */
    public static byte[] write(Presence presence, Instant now) {
        ObjectNode o = MAPPER.createObjectNode();
        Status status = presence == null ? Status.UNKNOWN : presence.status();
        Activity activity = presence == null ? Activity.UNKNOWN : presence.activity();
        o.put("availability", TeamsPresence.availabilityWord(status));
        o.put("activity", TeamsPresence.activityWord(activity));
        o.put("color", color(status, activity));
        o.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(now));
        if (presence != null) {
            o.put("person", presence.person());
            o.put("since", DateTimeFormatter.ISO_INSTANT.format(presence.since()));
            o.put("source", presence.source());
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a status body. {@code availability} is required (a Teams word such as {@code Busy} or
     * {@code DoNotDisturb}); {@code activity} is optional (Graph's activity words, or the old scripts' "In a call" /
     * "Not in a call"); {@code color} and {@code timestamp} are optional strings and not used.
     *
     * @throws PayloadException saying what is wrong, for a 400 answer or a log line
     */
    public static Detection read(byte[] body, String source) throws PayloadException {
        ObjectNode o = StrictJson.readObject(body, MAX_BYTES);
        String word = StrictJson.requiredText(o, "availability");
        TeamsPresence availability = TeamsPresence.fromWord(word)
                .orElseThrow(() -> StrictJson.invalid(
                        "availability",
                        "'" + StrictJson.abbreviate(word) + "' is not a Teams availability such as Available, Busy, "
                                + "DoNotDisturb, BeRightBack, Away or Offline"));
        Status status = availability.status();
        Activity activity = availability.activity();
        var activityText = StrictJson.optionalText(o, "activity");
        if (activityText.isPresent()) {
            activity = activity(activityText.get(), status);
        }
        StrictJson.optionalText(o, "color");
        StrictJson.optionalText(o, "timestamp");
        return new Detection(status, activity, source, null, activity.isCallLike());
    }

    private static Activity activity(String text, Status status) throws PayloadException {
        String key = text.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
        switch (key) {
            case "inacall", "incomingcall" -> {
                return Activity.IN_A_CALL;
            }
            case "notinacall" -> {
                return Activity.of(status);
            }
            default -> {
                return TeamsPresence.fromWord(text)
                        .map(TeamsPresence::activity)
                        .orElseThrow(() -> StrictJson.invalid(
                                "activity",
                                "'" + StrictJson.abbreviate(text) + "' is not a Teams activity such as Available, "
                                        + "Busy, InACall, InAMeeting or Presenting"));
            }
        }
    }

    /** CONTRACT.md section 6's default colour: the one the panel shows for the same status and activity. */
    static String color(Status status, Activity activity) {
        return Colours.byDefault(status, activity).toHex();
    }
}
