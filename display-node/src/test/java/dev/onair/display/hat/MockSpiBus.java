package dev.onair.display.hat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;

/** Pi4J with only its mock SPI provider: every byte a panel writes is recorded per chip select. */
final class MockSpiBus implements AutoCloseable {
    final Context pi4j = Pi4J.newContextBuilder()
            .noAutoDetect()
            .add(MockSpiProvider.newInstance())
            .build();
    final SpiBus bus = new SpiBus(pi4j, MockSpiProvider.ID);

    /** The device a panel opened under {@code id}. */
    MockSpi device(String id) {
        return pi4j.registry().get(id);
    }

    /** Everything written to the device since the last call. */
    byte[] written(String id) {
        return device(id).readEntireMockBuffer();
    }

    @Override
    public void close() {
        pi4j.shutdown();
    }
}
