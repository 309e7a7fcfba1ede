package dev.onair.publisher.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The presence lines of new Teams (2023 on), one parser per shape; the README's table "What OnAir reads" lists them
 * with a real example each. Braces are optional everywhere: logs pasted into GitHub threads lose them
 * (Claus-E/teams2tasmota#11), and a reader that needs them would miss those lines.
 */
final class NewTeamsLines {
    private static final Pattern USER_PRESENCE_ACTION = Pattern.compile(
            "UserPresenceAction:\\s*\\{?\\s*cloud_context:\\s*([^,\\s}]+)\\s*,\\s*availability:\\s*([A-Za-z]+)");
    /** One account's slot of an availability block; {@code user id :} is gone from the 2026 logs (issue 13). */
    private static final Pattern SLOT = Pattern.compile("(?:user id\\s*:\\s*([^,\\s]*)\\s*,\\s*)?availability:\\s*"
            + "([A-Za-z]+)\\s*,\\s*unread notification count:\\s*(\\d{1,9})");

    private static final Pattern BLOCK_NAME = Pattern.compile("(UserData(?:Global|Cloud)State)");
    private static final Pattern BADGE = Pattern.compile("SetBadge (?:Setting badge|PreSetBadge verification):\\s*"
            + "(?:GlyphBadge\\{?\"([A-Za-z]+)\"\\}?|NumericBadge\\{?(\\d{1,9})\\}?)\\s*,\\s*overlay:[^,]*,\\s*"
            + "[Ss]tatus\\s+(.*\\S)");
    private static final Pattern OVERLAY =
            Pattern.compile("SetTaskbarIconOverlay overlay description:[^,]*,\\s*[Ss]tatus\\s+(.*\\S)");

    private NewTeamsLines() {}

    /** What the line says about {@code account}'s presence, if it is a presence line. */
    static Optional<Reading> read(String line, TeamsAccount account) {
        if (line.contains("UserPresenceAction")) {
            return userPresenceAction(line, account);
        }
        if (line.contains("unread notification count")) {
            return block(line, account);
        }
        if (line.contains("SetBadge ")) {
            return badge(line);
        }
        if (line.contains("SetTaskbarIconOverlay")) {
            Matcher m = OVERLAY.matcher(line);
            return m.find() ? Optional.of(text("SetTaskbarIconOverlay", m.group(1), null)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Reading> userPresenceAction(String line, TeamsAccount account) {
        Matcher m = USER_PRESENCE_ACTION.matcher(line);
        if (!m.find() || !account.followsCloud(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(word("UserPresenceAction", m.group(2), null));
    }

    private record Slot(String userId, String word, int unread) {}

    private static Optional<Reading> block(String line, TeamsAccount account) {
        Matcher name = BLOCK_NAME.matcher(line);
        String shape = name.find() ? name.group(1) : "availability block";
        List<Slot> slots = new ArrayList<>();
        Matcher m = SLOT.matcher(line);
        while (m.find()) {
            slots.add(new Slot(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
        }
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        if (account.namesUserId()) {
            return slots.stream()
                    .filter(s -> account.followsUserId(s.userId()))
                    .findFirst()
                    .map(s -> word(shape, s.word(), s.unread()));
        }
        if (slots.size() == 1) {
            Slot s = slots.get(0);
            return Optional.of(word(shape, s.word(), s.unread()));
        }
        // Several accounts and no way to tell whose slot is whose: a signed-out one says PresenceUnknown, so the known
        // slots count, and only when they all say the same (then the count is theirs only if there is one).
        List<Slot> known = slots.stream()
                .filter(s -> !s.word().equalsIgnoreCase("PresenceUnknown"))
                .toList();
        if (known.isEmpty()
                || known.stream()
                                .map(s -> s.word().toLowerCase(Locale.ROOT))
                                .distinct()
                                .count()
                        > 1) {
            return Optional.of(Reading.of(shape + " of several accounts", null, null));
        }
        return Optional.of(word(
                shape, known.get(0).word(), known.size() == 1 ? known.get(0).unread() : null));
    }

    private static Optional<Reading> badge(String line) {
        Matcher m = BADGE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            Optional<TeamsPresence> glyph = TeamsLogState.glyph(m.group(1));
            return Optional.of(glyph.map(p -> Reading.of("GlyphBadge", p, null))
                    .orElseGet(() -> text("GlyphBadge", m.group(3), null)));
        }
        // With unread messages the glyph is gone: the count is the badge, the status only the (localised) text.
        return Optional.of(text("NumericBadge", m.group(3), Integer.parseInt(m.group(2))));
    }

    private static Reading word(String shape, String word, Integer unread) {
        return TeamsPresence.fromWord(word)
                .map(p -> Reading.of(shape, p, unread))
                .orElseGet(() -> Reading.unknownWord(shape, word, unread));
    }

    private static Reading text(String shape, String text, Integer unread) {
        return LocalizedStatus.of(text)
                .map(p -> Reading.of(shape, p, unread))
                .orElseGet(() -> Reading.unknownWord(shape, text.strip(), unread));
    }
}
