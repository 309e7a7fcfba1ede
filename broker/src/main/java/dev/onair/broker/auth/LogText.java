package dev.onair.broker.auth;

/**
 * Makes text from clients safe for a log line: control characters and quotes escaped (a newline in a user name
 * cannot start a forged line), and cut to {@value #MAX} characters with the original length noted.
 */
public final class LogText {
    /** Enough for every valid user name ({@code User.NAME_PATTERN}) and OnAir client id. */
    public static final int MAX = 64;

    private LogText() {}

    /** {@code text} escaped and truncated; {@code (none)} for null. */
    public static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(text.length(), MAX);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX) {
            sb.append("...(").append(text.length()).append(" chars)");
        }
        return sb.toString();
    }
}
