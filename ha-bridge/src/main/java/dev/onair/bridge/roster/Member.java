package dev.onair.bridge.roster;

import dev.onair.protocol.topic.TopicRef.Kind;

/**
 * A person or display that should appear in Home Assistant.
 *
 * @param kind person or display
 * @param id the contract id
 * @param name the device name Home Assistant shows
 */
public record Member(Kind kind, String id, String name) {}
