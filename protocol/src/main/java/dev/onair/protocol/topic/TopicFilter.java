package dev.onair.protocol.topic;

/** A subscription filter, which may hold {@code +} and {@code #}; it cannot be published to. */
public record TopicFilter(String filter) {
    public TopicFilter {
        if (filter == null || filter.isEmpty()) {
            throw new IllegalArgumentException("topic filter must not be empty");
        }
        int hash = filter.indexOf('#');
        if (hash >= 0 && (hash != filter.length() - 1 || (hash > 0 && filter.charAt(hash - 1) != '/'))) {
            throw new IllegalArgumentException("'#' may only stand alone as the last level in '" + filter + "'");
        }
    }

    @Override
    public String toString() {
        return filter;
    }
}
