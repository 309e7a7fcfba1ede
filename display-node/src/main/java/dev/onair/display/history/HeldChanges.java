package dev.onair.display.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The changes {@link HistoryWriter} holds while history is paused, written in order once it resumes. */
final class HeldChanges {
    /** Changes kept while paused, before they are cut down to each person's last. */
    private static final int PENDING = 10_000;

    private final List<Change> pending = new ArrayList<>();

    void add(List<Change> changes) {
        pending.addAll(changes);
        if (pending.size() > PENDING) {
            // Keep each person's latest state: the rows go on from the right state, the steps between are lost.
            Map<String, Change> latest = new LinkedHashMap<>();
            pending.forEach(c -> latest.put(c.person(), c));
            pending.clear();
            pending.addAll(latest.values());
        }
    }

    List<Change> all() {
        return pending;
    }

    int size() {
        return pending.size();
    }

    void clear() {
        pending.clear();
    }
}
