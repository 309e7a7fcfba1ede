package dev.onair.bridge.discovery;

import java.util.List;

/** Lets integration tests in other packages use {@link HaRules}. */
public final class HaRulesAccess {
    private HaRulesAccess() {}

    public static List<String> check(String topic, byte[] payload) {
        return HaRules.check(topic, payload);
    }
}
