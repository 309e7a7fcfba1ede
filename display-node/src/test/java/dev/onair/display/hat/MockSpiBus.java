package dev.onair.display.hat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pi4J with only its mock SPI provider (scripted: writes can fail, and are time-stamped): every byte a panel writes is
 * recorded per chip select.
 */
final class MockSpiBus implements AutoCloseable {
    final ScriptedSpiProvider provider = new ScriptedSpiProvider();
    final Context pi4j = Pi4J.newContextBuilder().noAutoDetect().add(provider).build();
    /** The mode word of each /dev/spidev0.N, as the kernel keeps it: CE0 and CE1 start as Pimoroni's Mini library
     * leaves them, {@code no_cs = True} (SPI_NO_CS, 0x40). */
    final Map<Integer, Integer> modes = new ConcurrentHashMap<>(Map.of(0, 0x40, 1, 0x40));

    final SpiBus bus = new SpiBus(pi4j, ScriptedSpiProvider.ID, (b, channel, mode) -> modes.put(channel, mode));

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
