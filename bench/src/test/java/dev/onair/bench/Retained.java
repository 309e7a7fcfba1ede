package dev.onair.bench;

import dev.onair.contract.mqtt.BrokerSettings;
import dev.onair.testsupport.TestClient;
import dev.onair.testsupport.TestClient.Received;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

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
            long deadline = System.currentTimeMillis() + 1_000;
            while (System.currentTimeMillis() < deadline) {
                latest.clear();
                for (Received r : client.received()) {
                    if (r.retain()) {
                        latest.put(r.topic(), r.payload());
                    }
                }
                if (complete.test(latest)) {
                    break;
                }
                Thread.sleep(20);
            }
        } catch (RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return latest;
    }
}
