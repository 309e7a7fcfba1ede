package dev.onair.bench;

import static org.awaitility.Awaitility.await;

import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** What the broker holds as retained under a filter, read by a fresh client. */
final class Retained {
    private Retained() {}

    /**
     * Topic to payload of the retained messages matching {@code filter}, or an empty map when the broker cannot be
     * reached.
     *
     * @param complete when the map read so far is complete enough to stop waiting
     */
    static Map<String, String> read(BrokerSettings viewer, String filter, Predicate<Map<String, String>> complete) {
        Map<String, String> latest = new HashMap<>();
        try (TestClient client = TestClient.connect(viewer, "retained-" + System.nanoTime())) {
            client.subscribe(filter);
            try {
                await().atMost(Duration.ofSeconds(1))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> complete.test(retainedNow(client, latest)));
            } catch (ConditionTimeoutException incomplete) {
                // what arrived within the second is the answer
            }
            retainedNow(client, latest);
        } catch (RuntimeException e) {
            return Map.of();
        }
        return latest;
    }

    /** Refills {@code latest} with the retained messages {@code client} has received so far, and returns it. */
    private static Map<String, String> retainedNow(TestClient client, Map<String, String> latest) {
        latest.clear();
        for (Received r : client.received()) {
            if (r.retain()) {
                latest.put(r.topic(), r.payload());
            }
        }
        return latest;
    }
}
