package dev.onair.publisher.teams;

/**
 * What one presence line says.
 *
 * @param shape the line's shape, for the log ({@code UserPresenceAction}, {@code UserDataGlobalState}, ...)
 * @param presence the presence it names, or null when it names none OnAir knows
 * @param unread the unread notification count it names, or null
 * @param unknown the word it carries that OnAir does not know, or null
 */
record Reading(String shape, TeamsPresence presence, Integer unread, String unknown) {
    static Reading of(String shape, TeamsPresence presence, Integer unread) {
        return new Reading(shape, presence, unread, null);
    }

    static Reading unknownWord(String shape, String word, Integer unread) {
        return new Reading(shape, null, unread, word);
    }
}
