package dev.onair.display.hat;

import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;
import java.io.IOException;

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

    /**
     * Writes one transfer (chip select low, every byte, chip select high), and makes sure it went out. Pi4J does not
     * throw when the kernel refuses a transfer: its linuxfs provider logs the failed {@code SPI_IOC_MESSAGE} ioctl and
     * returns 0 instead of the length ({@code LinuxFsSpi.write} in Pi4J 2.8). A count other than the length is a
     * failure here. Every transfer OnAir sends stands alone (a whole frame with its start byte, or one command), so it
     * is sent once more before giving up; the caller decides how loudly to report it.
     *
     * @throws IOException when the retry fails too
     */
    static void transfer(Spi spi, byte[] bytes) throws IOException {
        int written = spi.write(bytes, 0, bytes.length);
        if (written == bytes.length) {
            return;
        }
        int retried = spi.write(bytes, 0, bytes.length);
        if (retried != bytes.length) {
            throw new IOException(
                    "SPI " + spi.config().bus().getBus() + "." + spi.config().channel() + " ("
                            + spi.id() + "): wrote " + Math.max(0, retried) + " of " + bytes.length
                            + " bytes, twice (Pi4J logs the kernel's error above; is the HAT seated?)");
        }
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
