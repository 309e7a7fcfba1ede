package dev.onair.display.hat;

import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Opens SPI devices on bus 0 through Pi4J. In production the context holds only the {@code linuxfs-spi} provider
 * ({@code /dev/spidev0.N}) and each device's mode is then set to exactly mode 0 ({@link SpidevMode}: Pi4J only ORs
 * into whatever mode the device was left in); tests pass a context with Pi4J's mock provider, which records every
 * byte written, and a mode writer of their own.
 */
public final class SpiBus {
    /** The provider that talks to {@code /dev/spidev*}: no native library, only the kernel's spidev driver. */
    public static final String LINUXFS_PROVIDER = "linuxfs-spi";

    /** Sets a device's whole SPI mode word. */
    @FunctionalInterface
    public interface ModeWriter {
        void write(int bus, int channel, int mode) throws IOException;
    }

    private final Context pi4j;
    private final String provider;
    private final ModeWriter modes;

    public SpiBus(Context pi4j, String provider, ModeWriter modes) {
        this.pi4j = pi4j;
        this.provider = provider;
        this.modes = modes;
    }

    /** For providers with no {@code /dev/spidev} behind them (Pi4J's mock): the mode is left to the provider. */
    public SpiBus(Context pi4j, String provider) {
        this(pi4j, provider, (bus, channel, mode) -> {});
    }

    /** Bus 0 through Pi4J's linuxfs provider, each device set to exactly the mode asked for. */
    public static SpiBus linuxfs(Context pi4j) {
        return new SpiBus(pi4j, LINUXFS_PROVIDER, new SpidevMode());
    }

    /**
     * Opens chip select {@code channel} (0 for CE0, 1 for CE1) of bus 0 in exactly mode 0.
     *
     * @param id a Pi4J id, unique in the context
     * @throws UncheckedIOException when the mode cannot be set
     */
    public Spi open(String id, int channel, int speedHz) {
        Spi spi = pi4j.create(Spi.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .bus(0)
                .channel(channel)
                .baud(speedHz)
                .mode(SpiMode.MODE_0)
                .provider(provider)
                .build());
        try {
            modes.write(0, channel, SpiMode.MODE_0.getMode());
        } catch (IOException e) {
            close(spi);
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return spi;
    }

    /**
     * Writes one transfer (chip select low, every byte, chip select high), and makes sure it went out. Pi4J does not
     * throw when the kernel refuses a transfer: its linuxfs provider logs the failed {@code SPI_IOC_MESSAGE} ioctl and
     * returns 0 instead of the length ({@code LinuxFsSpi.write} in Pi4J 2.8). A count other than the length is a
     * failure here. Every transfer OnAir sends stands alone (a whole frame with its start byte, or one command), so it
     * is sent once more before giving up; the caller decides how loudly to report it (once per run of failures: the
     * production logging configuration silences Pi4J's own line per failed ioctl, whose errno this message carries).
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
            // JNA keeps the errno of the last native call per thread: the linuxfs provider's failed ioctl.
            int errno = Native.getLastError();
            throw new IOException(
                    "SPI " + spi.config().bus().getBus() + "." + spi.config().channel() + " ("
                            + spi.id() + "): wrote " + Math.max(0, retried) + " of " + bytes.length + " bytes, twice"
                            + (errno != 0 ? " (errno " + errno + ")" : "") + "; is the HAT seated?");
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
