package dev.onair.publisher.teams;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which Teams calls are running, by call id.
 *
 * <p>Teams runs calls side by side: a call that rings during a meeting is a second call, and declining it logs
 * {@code reportIncomingCall} and {@code NotifyCallEnded} for that id without ever logging {@code NotifyCallActive}.
 * So only an id that was seen active can end the call state, and only when the last one is gone. A start line
 * without a readable id ("legacy") is ended by the next end line of any id that is not one of ours.
 *
 * <p>Teams writes several {@code NotifyCallActive} lines per call and only one carries the id
 * ({@code CallInfo: NotifyCallActive causeId: ...} does not): while an id'd call runs, an id-less start is that call's
 * duplicate, not a second call, and an id'd start supersedes an id-less one of the same batch (jimmyeao/TEAMS2HA#108).
 * Before that fix the duplicate set legacy mode next to the id'd call and the call never ended (issue 13).
 */
final class CallTracker {
    /** Teams that crashed never logs the end of its calls; a bound keeps stale ids from piling up. */
    static final int MAX_CALLS = 16;

    private final Set<String> active = new LinkedHashSet<>();
    private boolean legacy;

    boolean inCall() {
        return legacy || !active.isEmpty();
    }

    /** A call started; {@code id} may be null when the line carried none. */
    void started(String id) {
        if (id == null) {
            if (active.isEmpty()) {
                legacy = true;
            }
            return;
        }
        legacy = false;
        active.add(id);
        if (active.size() > MAX_CALLS) {
            Iterator<String> oldest = active.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** A call ended; {@code id} may be null when the line carried none. */
    void ended(String id) {
        if (id != null && active.remove(id)) {
            return;
        }
        // The end of a call we never saw start (a declined or missed incoming call, or Teams' second end line for
        // the same call) must not touch a running one; it only closes an id-less call.
        if (active.isEmpty()) {
            legacy = false;
        }
    }

    /** Classic Teams logs a plain on/off call state, without ids. */
    void classicState(boolean ongoing) {
        active.clear();
        legacy = ongoing;
    }

    /** Teams stopped: calls it never logged the end of are over. */
    void clear() {
        active.clear();
        legacy = false;
    }
}
