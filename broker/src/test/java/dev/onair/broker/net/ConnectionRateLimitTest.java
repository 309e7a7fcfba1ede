package dev.onair.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket of {@link ConnectionRateLimit}, on a clock the test moves. */
class ConnectionRateLimitTest {
    private final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    private final ConnectionRateLimit limit = new ConnectionRateLimit("10.0.0.9"::equals, now::get);

    @Test
    void anAddress_getsItsBurst_thenTwoASecond() {
        for (int i = 0; i < ConnectionRateLimit.BURST; i++) {
            assertThat(limit.allowed("10.0.0.1")).as("connection %d", i).isTrue();
        }
        assertThat(limit.allowed("10.0.0.1")).isFalse();

        advanceMillis(500);
        assertThat(limit.allowed("10.0.0.1")).isTrue();
        assertThat(limit.allowed("10.0.0.1")).isFalse();

        advanceMillis(60_000);
        for (int i = 0; i < ConnectionRateLimit.BURST; i++) {
            assertThat(limit.allowed("10.0.0.1"))
                    .as("after a minute, connection %d", i)
                    .isTrue();
        }
        assertThat(limit.allowed("10.0.0.1"))
                .as("no more than one burst saved up")
                .isFalse();
    }

    @Test
    void anotherAddress_andAKnownOne_areNotLimitedByIt() {
        for (int i = 0; i < ConnectionRateLimit.BURST * 3; i++) {
            limit.allowed("10.0.0.1");
        }
        assertThat(limit.allowed("10.0.0.2")).isTrue();
        for (int i = 0; i < ConnectionRateLimit.BURST * 3; i++) {
            assertThat(limit.allowed("10.0.0.9")).isTrue();
        }
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
