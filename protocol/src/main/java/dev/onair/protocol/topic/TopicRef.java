package dev.onair.protocol.topic;

/**
 * What a received OnAir topic names: the kind of node, its id and the leaf.
 *
 * @param kind person, display or bridge
 * @param id the person, display or bridge id; null for the shared bridge topic from before issue 11
 * @param leaf the last topic level
 */
public record TopicRef(Kind kind, String id, Leaf leaf) {
    public enum Kind {
        PERSON,
        DISPLAY,
        BRIDGE
    }

    public enum Leaf {
        PRESENCE,
        AVAILABILITY,
        SET,
        STATE
    }
}
