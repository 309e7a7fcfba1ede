package dev.onair.protocol.topic;

/**
 * A concrete topic that may be published to. It can never hold a wildcard: the only way to publish through OnAir's
 * code is with one of these, so no node ever publishes to a topic with {@code +} or {@code #} (CONTRACT.md section 2).
 */
public record Topic(String name) {
    public Topic {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        if (name.contains("+") || name.contains("#")) {
            throw new IllegalArgumentException("topic '" + name + "' contains a wildcard; nothing is published there");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("topic must not contain NUL");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
