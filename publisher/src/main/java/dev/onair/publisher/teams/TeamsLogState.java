package dev.onair.publisher.teams;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Teams log lines read so far say: the latest presence, the unread count and the running calls. Fed one line
 * at a time, in file order; the most recent presence line of any recognised shape wins. The shapes are parsed by
 * {@link NewTeamsLines} and {@link ClassicTeamsLines}; the publisher README's table lists each with a real example.
 *
 * <p>A line of a known shape with a word OnAir does not know is logged once per word and ignored: the last good state
 * stays (issue 13).
 */
public final class TeamsLogState {
    private static final Logger log = LoggerFactory.getLogger(TeamsLogState.class);

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final Pattern ID_AFTER = Pattern.compile("(?:callId:|fired:)\\s*([A-Za-z0-9_.:-]+)");
    /** Statuses that only exist during a call: a classic log renamed mid-call shows the call by them alone. */
    private static final Set<TeamsPresence> CALL_STATUSES = EnumSet.of(
            TeamsPresence.IN_A_CALL, TeamsPresence.ON_THE_PHONE, TeamsPresence.IN_A_MEETING, TeamsPresence.PRESENTING);

    private final TeamsClient client;
    private final TeamsAccount account;
    private final CallTracker calls = new CallTracker();
    private final UnknownTokens unknown = new UnknownTokens();
    private TeamsPresence presence;
    private Integer unread;
    /** A call line came after the presence line: it, not the status, says whether a call runs. */
    private boolean callLineSincePresence;

    private long linesRead;

    public TeamsLogState(TeamsClient client) {
        this(client, TeamsAccount.WORK);
    }

    public TeamsLogState(TeamsClient client, TeamsAccount account) {
        this.client = client;
        this.account = account;
    }

    /** The latest presence the logs named, or empty if none yet. */
    public Optional<TeamsPresence> presence() {
        return Optional.ofNullable(presence);
    }

    /** The latest unread notification count the logs named, or null if none yet. */
    public Integer unread() {
        return unread;
    }

    /** Whether a call is running, as far as the logs tell. */
    public boolean inCall() {
        return calls.inCall() || (!callLineSincePresence && presence != null && CALL_STATUSES.contains(presence));
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
        if (line.contains("NotifyCallActive")
                || line.contains("reportCallActive")
                || line.contains("reportCallAccepted")) {
            String id = callId(line);
            callLineSincePresence = true;
            calls.started(id);
            log.debug("Call started ({}); in a call: {}", id, calls.inCall());
            return;
        }
        if (line.contains("NotifyCallEnded") || line.contains("CallEnded fired") || line.contains("reportCallEnded")) {
            String id = callId(line);
            callLineSincePresence = true;
            calls.ended(id);
            log.debug("Call ended ({}); in a call: {}", id, calls.inCall());
            return;
        }
        NewTeamsLines.read(line, account).ifPresent(this::reading);
    }

    private void acceptClassic(String line) {
        Optional<ClassicTeamsLines.CallEvent> call = ClassicTeamsLines.call(line);
        if (call.isPresent()) {
            if (call.get().ongoing() != null) {
                callLineSincePresence = true;
                calls.classicState(call.get().ongoing());
            } else {
                unknown.report("machineState", call.get().unknownCode());
            }
            return;
        }
        ClassicTeamsLines.read(line).ifPresent(this::reading);
    }

    private void reading(Reading r) {
        if (r.unknown() != null) {
            unknown.report(r.shape(), r.unknown());
            return;
        }
        if (r.presence() == null) {
            unknown.report(r.shape(), "slots that disagree (choose one with --teams-account <user id>)");
            return;
        }
        if (r.presence() != presence) {
            log.debug("Teams log says {} ({})", r.presence().token(), r.shape());
            callLineSincePresence = false;
        }
        presence = r.presence();
        if (r.unread() != null) {
            unread = r.unread();
        }
    }

    /** The presence one line names for the work account, if it is a presence line of {@code client}'s logs. */
    public static Optional<TeamsPresence> presenceIn(String line, TeamsClient client) {
        Optional<Reading> r = client == TeamsClient.CLASSIC
                ? ClassicTeamsLines.read(line)
                : NewTeamsLines.read(line, TeamsAccount.WORK);
        return r.map(Reading::presence);
    }

    /** Badge glyphs are camelCase and not always spelled like the presence ({@code doNotDistrb}). */
    static Optional<TeamsPresence> glyph(String glyph) {
        String g = glyph.toLowerCase(java.util.Locale.ROOT);
        if (g.contains("distrb") || g.contains("disturb") || g.equals("dnd")) {
            return Optional.of(TeamsPresence.DO_NOT_DISTURB);
        }
        if (g.contains("rightback") || g.equals("brb")) {
            return Optional.of(TeamsPresence.BE_RIGHT_BACK);
        }
        return TeamsPresence.fromWord(glyph);
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
            return guid.group().toLowerCase(java.util.Locale.ROOT);
        }
        return token;
    }
}
