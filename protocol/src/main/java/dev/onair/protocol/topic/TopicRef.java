package dev.onair.protocol.topic;

/**
 * What a received OnAir topic names: the kind of node, its id (null for the bridge) and the leaf.
 *
 * @param kind person, display or bridge
 * @param id the person or display id, null for the bridge
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
