package dev.onair.publisher.teams;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status as Teams spells it for people, in the user's language: the trailing {@code status ...} of new Teams'
 * badge and overlay lines and classic Teams' overlay text. English words go through {@link TeamsPresence#fromWord};
 * other languages through this table, which holds only the spellings seen in public logs or named in issue 13
 * ({@code Verfügbar}: Claus-E/teams2tasmota#11; {@code Nicht stören}: issue 13) and their German siblings.
 */
final class LocalizedStatus {
    private static final Map<String, TeamsPresence> WORDS = Map.ofEntries(
            Map.entry("verfügbar", TeamsPresence.AVAILABLE),
            Map.entry("beschäftigt", TeamsPresence.BUSY),
            Map.entry("nicht stören", TeamsPresence.DO_NOT_DISTURB),
            Map.entry("bin gleich zurück", TeamsPresence.BE_RIGHT_BACK),
            Map.entry("abwesend", TeamsPresence.AWAY),
            Map.entry("offline", TeamsPresence.OFFLINE),
            Map.entry("in a call", TeamsPresence.IN_A_CALL),
            Map.entry("in a meeting", TeamsPresence.IN_A_MEETING),
            Map.entry("on the phone", TeamsPresence.ON_THE_PHONE),
            Map.entry("appear offline", TeamsPresence.OFFLINE));

    private LocalizedStatus() {}

    static Optional<TeamsPresence> of(String text) {
        String t = text.strip();
        Optional<TeamsPresence> english = TeamsPresence.fromWord(t);
        if (english.isPresent()) {
            return english;
        }
        return Optional.ofNullable(WORDS.get(t.toLowerCase(Locale.ROOT)));
    }
}
