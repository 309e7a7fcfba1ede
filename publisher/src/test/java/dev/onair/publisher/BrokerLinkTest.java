package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BrokerLinkTest {
    @Test
    void browse_thatFailsAtOnce_backsOffUpToAMinute_insteadOfSpinning() throws Exception {
        AtomicInteger browses = new AtomicInteger();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        BrokerLink link = new BrokerLink(
                new BrokerSettings(null, null, "00".repeat(32), "alice", "pw"),
                Topics.defaults(),
                "alice",
                timeout -> {
                    browses.incrementAndGet(); // JmDNS.create failing: back at once, nothing found
                    return Optional.empty();
                },
                wait -> {
                    waits.add(wait);
                    return waits.size() < 7; // then as if stop() interrupted the wait
                },
                (topic, payload) -> {});
        try {
            link.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> waits.size() == 7);
        } finally {
            link.stop();
        }

        assertThat(browses).hasValue(7);
        List<Long> seconds =
                waits.stream().map(w -> Math.round(w.toMillis() / 1000.0)).toList();
        assertThat(seconds).containsExactly(5L, 10L, 20L, 40L, 60L, 60L, 60L);
    }

    @Test
    void period_doublesFromFiveSeconds_toAMinute() {
        assertThat(BrokerLink.period(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(BrokerLink.period(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(BrokerLink.period(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(BrokerLink.period(5)).isEqualTo(BrokerLink.MAX_BROWSE_PERIOD);
        assertThat(BrokerLink.period(500)).isEqualTo(BrokerLink.MAX_BROWSE_PERIOD);
    }
}
