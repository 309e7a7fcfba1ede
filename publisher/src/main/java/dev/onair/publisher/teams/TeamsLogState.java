package dev.onair.publisher.teams;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Teams log lines read so far say: the latest presence and the running calls. Fed one line at a time, in
 * file order; the most recent presence line of any recognised shape wins (issue 3 lists them).
 *
 * <p>New Teams: {@code UserPresenceAction: {cloud_context: ..., availability: DoNotDisturb}} (a personal
 * {@code teams.live.com} account is ignored, so a second account cannot paint the work light), the block
 * {@code { user id :..., availability: Busy, ... }}, and the taskbar badge {@code GlyphBadge{"busy"}} (its trailing
 * word is localised, so only the glyph is read; the DND glyph is spelled {@code doNotDistrb}). Calls:
 * {@code NotifyCallActive callId: <id>}, {@code NotifyCallEnded callId: <id>} and
 * {@code TeamsCallTracker: CallEnded fired: <id>}.
 *
 * <p>Classic Teams: {@code StatusIndicatorStateService: Added <Status>}, {@code Setting the taskbar overlay icon -
 * <Status>} and {@code desktop_call_state_change_send, isOngoing: true|false}.
 */
public final class TeamsLogState {
    private static final Logger log = LoggerFactory.getLogger(TeamsLogState.class);

    private static final Pattern USER_PRESENCE_ACTION =
            Pattern.compile("UserPresenceAction:\\s*\\{([^}]*?)availability:\\s*([A-Za-z]+)");
    private static final Pattern CLOUD_CONTEXT = Pattern.compile("cloud_context:\\s*([^,\\s}]+)");
    private static final Pattern USER_BLOCK = Pattern.compile("user id\\s*:.*?availability:\\s*([A-Za-z]+)");
    private static final Pattern GLYPH_BADGE = Pattern.compile("GlyphBadge\\{\"([A-Za-z]+)\"}");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final Pattern ID_AFTER = Pattern.compile("(?:callId:|fired:)\\s*([A-Za-z0-9_.:-]+)");
    private static final Pattern CLASSIC_ADDED =
            Pattern.compile("StatusIndicatorStateService: Added ([A-Za-z]+)(?:.*?current state: ([A-Za-z]+) ->)?");
    private static final Pattern CLASSIC_OVERLAY = Pattern.compile("Setting the taskbar overlay icon - ([^\\r\\n]+)");
    private static final Pattern CLASSIC_CALL =
            Pattern.compile("desktop_call_state_change_send, isOngoing: (true|false)");

    private final TeamsClient client;
    private final CallTracker calls = new CallTracker();
    private TeamsPresence presence;
    private long linesRead;

    public TeamsLogState(TeamsClient client) {
        this.client = client;
    }

    /** The latest presence the logs named, or empty if none yet. */
    public Optional<TeamsPresence> presence() {
        return Optional.ofNullable(presence);
    }

    /** Whether a call is running, as far as the logs tell. */
    public boolean inCall() {
        return calls.inCall();
    }

    /** Whether any line was read at all (before that, nothing is known). */
    public boolean readAnything() {
        return linesRead > 0;
    }

    /** Sets the presence found by scanning older files, when the current file has none yet. */
    public void presenceFromOlderFile(TeamsPresence older) {
        if (presence == null) {
            presence = older;
        }
    }

    /** Teams is not running: calls it never logged the end of are over. */
    public void teamsStopped() {
        calls.clear();
    }

    /** Reads one log line. */
    public void accept(String line) {
        linesRead++;
        if (client == TeamsClient.CLASSIC) {
            acceptClassic(line);
        } else {
            acceptNew(line);
        }
    }

    private void acceptNew(String line) {
        if (line.contains("NotifyCallActive")) {
            String id = callId(line);
            calls.started(id);
            log.debug("Call started ({})", id);
            return;
        }
        if (line.contains("NotifyCallEnded") || line.contains("CallEnded fired")) {
            String id = callId(line);
            calls.ended(id);
            log.debug("Call ended ({}); in a call: {}", id, calls.inCall());
            return;
        }
        presenceIn(line, TeamsClient.NEW).ifPresent(this::presence);
    }

    private void acceptClassic(String line) {
        Matcher call = CLASSIC_CALL.matcher(line);
        if (call.find()) {
            calls.classicState(Boolean.parseBoolean(call.group(1)));
            return;
        }
        presenceIn(line, TeamsClient.CLASSIC).ifPresent(this::presence);
    }

    private void presence(TeamsPresence p) {
        if (p != presence) {
            log.debug("Teams log says {}", p.token());
        }
        presence = p;
    }

    /** The presence one line names, if it is a presence line of {@code client}'s logs. */
    public static Optional<TeamsPresence> presenceIn(String line, TeamsClient client) {
        return client == TeamsClient.CLASSIC ? classicPresence(line) : newPresence(line);
    }

    private static Optional<TeamsPresence> newPresence(String line) {
        if (line.contains("UserPresenceAction")) {
            Matcher m = USER_PRESENCE_ACTION.matcher(line);
            if (!m.find()) {
                return Optional.empty();
            }
            Matcher context = CLOUD_CONTEXT.matcher(m.group(1));
            if (context.find() && context.group(1).contains("teams.live.com")) {
                return Optional.empty();
            }
            return TeamsPresence.fromWord(m.group(2));
        }
        if (line.contains("availability:") && line.contains("user id")) {
            Matcher m = USER_BLOCK.matcher(line);
            return m.find() ? TeamsPresence.fromWord(m.group(1)) : Optional.empty();
        }
        if (line.contains("GlyphBadge{")) {
            Matcher m = GLYPH_BADGE.matcher(line);
            return m.find() ? glyph(m.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Badge glyphs are camelCase and not always spelled like the presence ({@code doNotDistrb}). */
    static Optional<TeamsPresence> glyph(String glyph) {
        String g = glyph.toLowerCase(Locale.ROOT);
        if (g.contains("distrb") || g.contains("disturb") || g.equals("dnd")) {
            return Optional.of(TeamsPresence.DO_NOT_DISTURB);
        }
        if (g.contains("rightback") || g.equals("brb")) {
            return Optional.of(TeamsPresence.BE_RIGHT_BACK);
        }
        return TeamsPresence.fromWord(glyph);
    }

    private static Optional<TeamsPresence> classicPresence(String line) {
        if (line.contains("StatusIndicatorStateService: Added")) {
            Matcher m = CLASSIC_ADDED.matcher(line);
            if (!m.find()) {
                return Optional.empty();
            }
            // "Added NewActivity (current state: Busy -> NewActivity)" is an unread badge over the real status.
            String word = m.group(1).equals("NewActivity") ? m.group(2) : m.group(1);
            return TeamsPresence.fromWord(word);
        }
        if (line.contains("Setting the taskbar overlay icon - ")) {
            Matcher m = CLASSIC_OVERLAY.matcher(line);
            return m.find() ? TeamsPresence.fromWord(m.group(1).trim()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The call id after {@code callId:} or {@code fired:}; Teams glues the next field onto a GUID, so a GUID is cut. */
    static String callId(String line) {
        Matcher after = ID_AFTER.matcher(line);
        if (!after.find()) {
            return null;
        }
        String token = after.group(1);
        Matcher guid = GUID.matcher(token);
        if (guid.lookingAt()) {
            return guid.group().toLowerCase(Locale.ROOT);
        }
        return token;
    }
}
