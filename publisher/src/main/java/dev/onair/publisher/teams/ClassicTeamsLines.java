package dev.onair.publisher.teams;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of classic Teams' {@code logs.txt}. Classic Teams renames the file while it runs, so a new file can start
 * in the middle of a call with no {@code isOngoing: true}: the {@code machineState} event and the call statuses
 * (OnThePhone, InAMeeting, Presenting) say it too (issue 13).
 */
final class ClassicTeamsLines {
    private static final Pattern ADDED =
            Pattern.compile("StatusIndicatorStateService: Added ([A-Za-z]+)(?:.*?current state: ([A-Za-z]+) ->)?");
    private static final Pattern OVERLAY = Pattern.compile("Setting the taskbar overlay icon - ([^\\r\\n|]*\\S)");
    private static final Pattern CALL = Pattern.compile("desktop_call_state_change_send, isOngoing: (true|false)");
    /**
     * {@code a::1} a call started (or its screen share ended), {@code a::0} a screen share in a call, {@code a::3}
     * the call ended (tetsuo13/TeamsStatusPub, AvailabilityHandlers/README.md).
     */
    private static final Pattern MACHINE_STATE = Pattern.compile("eventData: s::;m::1;a::(\\d+)");

    /** The call state one line gives: on, off, or an {@code a::} code OnAir does not know. */
    record CallEvent(Boolean ongoing, String unknownCode) {}

    private ClassicTeamsLines() {}

    static Optional<CallEvent> call(String line) {
        Matcher call = CALL.matcher(line);
        if (call.find()) {
            return Optional.of(new CallEvent(Boolean.parseBoolean(call.group(1)), null));
        }
        Matcher state = MACHINE_STATE.matcher(line);
        if (!state.find()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (state.group(1)) {
                    case "0", "1" -> new CallEvent(true, null);
                    case "3" -> new CallEvent(false, null);
                    default -> new CallEvent(null, "a::" + state.group(1));
                });
    }

    static Optional<Reading> read(String line) {
        if (line.contains("StatusIndicatorStateService: Added")) {
            Matcher m = ADDED.matcher(line);
            if (!m.find()) {
                return Optional.empty();
            }
            // "Added NewActivity (current state: Busy -> NewActivity)" is an unread badge over the real status.
            String word = m.group(1).equals("NewActivity") ? m.group(2) : m.group(1);
            if (word == null || word.equals("NewActivity")) {
                return Optional.empty();
            }
            return Optional.of(TeamsPresence.fromWord(word)
                    .map(p -> Reading.of("StatusIndicatorStateService", p, null))
                    .orElseGet(() -> Reading.unknownWord("StatusIndicatorStateService", word, null)));
        }
        if (line.contains("Setting the taskbar overlay icon - ")) {
            Matcher m = OVERLAY.matcher(line);
            if (!m.find()) {
                return Optional.empty();
            }
            String text = m.group(1).strip();
            if (text.startsWith("New")) {
                return Optional.empty(); // "New activity" and its translations: a badge, not a status
            }
            return Optional.of(LocalizedStatus.of(text)
                    .map(p -> Reading.of("taskbar overlay", p, null))
                    .orElseGet(() -> Reading.unknownWord("taskbar overlay", text, null)));
        }
        return Optional.empty();
    }
}
