package dev.onair.broker.auth;

/**
 * MQTT topic-filter arithmetic for the ACL: whether a topic matches a filter, and whether every topic one filter can
 * match is matched by another (so a subscription is allowed only if it cannot reach anything forbidden).
 */
final class TopicFilters {
    private TopicFilters() {}

    /** Whether the concrete {@code topic} matches {@code filter} (MQTT 3.1.1 section 4.7). */
    static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /**
     * Whether {@code allowed} covers {@code requested}: every topic {@code requested} can match is matched by
     * {@code allowed}. {@code onair/#} covers {@code onair/person/+/presence}; {@code onair/person/+/presence} does
     * not cover {@code onair/#}.
     */
    static boolean covers(String allowed, String requested) {
        String[] a = allowed.split("/", -1);
        String[] r = requested.split("/", -1);
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals("#")) {
                return true;
            }
            if (i >= r.length) {
                return false;
            }
            if (r[i].equals("#")) {
                return false;
            }
            if (a[i].equals("+")) {
                continue;
            }
            if (r[i].equals("+") || !a[i].equals(r[i])) {
                return false;
            }
        }
        return a.length == r.length;
    }
}
