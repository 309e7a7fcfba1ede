package dev.onair.display.hat;

import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProviderImpl;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Pi4J's mock SPI provider, with writes that can come back short the way Pi4J's linuxfs provider reports a failed
 * ioctl (it logs, and returns 0 instead of the length), and a time stamp per write from the test's fake clock.
 */
final class ScriptedSpiProvider extends MockSpiProviderImpl {
    static final String ID = "scripted-mock-spi";

    private final AtomicInteger failing = new AtomicInteger();
    private volatile int failedCount;
    private volatile LongSupplier nanoTime = () -> 0;
    final List<Long> writeTimes = new CopyOnWriteArrayList<>();

    ScriptedSpiProvider() {
        this.id = ID;
        this.name = "Scripted mock SPI";
    }

    /** The next {@code writes} writes send nothing and return {@code count}. */
    void failNext(int writes, int count) {
        failedCount = count;
        failing.set(writes);
    }

    void clock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public Spi create(SpiConfig config) {
        MockSpi spi = new MockSpi(this, config) {
            @Override
            public int write(byte[] data, int offset, int length) {
                if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return failedCount;
                }
                writeTimes.add(nanoTime.getAsLong());
                return super.write(data, offset, length);
            }
        };
        context.registry().add(spi);
        return spi;
    }
}
