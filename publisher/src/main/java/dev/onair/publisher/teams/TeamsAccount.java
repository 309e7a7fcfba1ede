package dev.onair.publisher.teams;

import java.util.Locale;

/**
 * Which signed-in Teams account the light follows ({@code --teams-account}): {@code work} (the default: every cloud
 * but the personal {@code teams.live.com}), {@code personal}, or one account named by the {@code user id} its
 * availability blocks carry or by a part of its {@code cloud_context} (e.g. {@code gov.teams.microsoft.us}).
 *
 * <p>Teams writes one block per signed-in account and the slot order is not stable (issue 13), so a block with several
 * accounts and no user ids cannot say which slot is whose: it counts only when its known slots agree.
 */
public record TeamsAccount(String spec) {
    public static final TeamsAccount WORK = new TeamsAccount("work");
    public static final TeamsAccount PERSONAL = new TeamsAccount("personal");

    private static final String PERSONAL_CLOUD = "teams.live.com";

    public TeamsAccount {
        if (spec == null
                || spec.isBlank()
                || spec.length() > 200
                || spec.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Teams account '" + spec
                    + "' must be work, personal, a user id or a cloud, without spaces, up to 200 characters");
        }
        spec = spec.equalsIgnoreCase("work") || spec.equalsIgnoreCase("personal")
                ? spec.toLowerCase(Locale.ROOT)
                : spec;
    }

    /** Whether a {@code UserPresenceAction} of this cloud is the followed account's. */
    boolean followsCloud(String cloudContext) {
        boolean personal = cloudContext.contains(PERSONAL_CLOUD);
        return switch (spec) {
            case "work" -> !personal;
            case "personal" -> personal;
            default -> cloudContext.contains(spec);
        };
    }

    /** Whether this names one account by its user id (not work, personal or a cloud). */
    boolean namesUserId() {
        return !spec.equals("work") && !spec.equals("personal") && !spec.contains(".");
    }

    /** Whether a block slot with this user id is the followed account's. */
    boolean followsUserId(String userId) {
        return namesUserId() && spec.equalsIgnoreCase(userId);
    }

    /** For the start-up log line. */
    String describe() {
        return switch (spec) {
            case "work" -> "the work account (every cloud but " + PERSONAL_CLOUD + ")";
            case "personal" -> "the personal account (" + PERSONAL_CLOUD + ")";
            default -> namesUserId() ? "the account with user id " + spec : "the account in cloud " + spec;
        };
    }
}
