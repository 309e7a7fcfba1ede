package dev.onair.display.hat;

import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;

/**
 * Opens SPI devices on bus 0 through Pi4J. In production the context holds only the {@code linuxfs-spi} provider
 * ({@code /dev/spidev0.N}); tests pass a context with Pi4J's mock provider, which records every byte written.
 */
public final class SpiBus {
    /** The provider that talks to {@code /dev/spidev*}: no native library, only the kernel's spidev driver. */
    public static final String LINUXFS_PROVIDER = "linuxfs-spi";

    private final Context pi4j;
    private final String provider;

    public SpiBus(Context pi4j, String provider) {
        this.pi4j = pi4j;
        this.provider = provider;
    }

    /**
     * Opens chip select {@code channel} (0 for CE0, 1 for CE1) of bus 0 in mode 0.
     *
     * @param id a Pi4J id, unique in the context
     */
    public Spi open(String id, int channel, int speedHz) {
        return pi4j.create(Spi.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .bus(0)
                .channel(channel)
                .baud(speedHz)
                .mode(SpiMode.MODE_0)
                .provider(provider)
                .build());
    }

    /** Writes one transfer: chip select low, every byte, chip select high. */
    static void transfer(Spi spi, byte[] bytes) {
        spi.write(bytes, 0, bytes.length);
    }

    static void close(Spi spi) {
        if (spi != null) {
            try {
                spi.close();
            } catch (RuntimeException e) {
                // Closing a device that failed half-way must not hide the original failure.
            }
        }
    }
}
