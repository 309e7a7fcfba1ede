package dev.onair.display.hat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;

/**
 * Sets a spidev device's mode word to exactly the mode OnAir needs, with the kernel's {@code SPI_IOC_WR_MODE32} ioctl
 * (linux/spi/spidev.h), then reads it back.
 *
 * <p>Why not Pi4J: Pi4J 2.8's {@code LinuxFsSpi.open()} reads the device's mode and ORs the requested one into it
 * ({@code intPtr.setValue(intPtr.getValue() | SPI_MODE_0)}), and throws "Unsupported SPI Pi5 parameter flags" for any
 * {@code SpiConfig.flags()}, so nothing in its API clears a flag. The mode lives in the kernel's {@code spi_device},
 * not in the open file, so flags another program set survive: Pimoroni's unicornhatmini library sets
 * {@code device.no_cs = True} (SPI_NO_CS) and drives CE0/CE1 as GPIOs itself, which leaves OnAir's transfers with no
 * chip select. Writing the whole word after Pi4J has opened the device replaces every user-settable bit (the kernel's
 * {@code spidev_ioctl} keeps only the bits outside {@code SPI_MODE_USER_MASK}). It is one ioctl through JNA, which
 * Pi4J's linuxfs provider uses for every transfer anyway; no native code of ours.
 */
final class SpidevMode implements SpiBus.ModeWriter {
    /** {@code _IOW(SPI_IOC_MAGIC, 5, __u32)}. */
    static final long SPI_IOC_WR_MODE32 = 0x40046b05L;
    /** {@code _IOR(SPI_IOC_MAGIC, 5, __u32)}. */
    static final long SPI_IOC_RD_MODE32 = 0x80046b05L;

    private static final int O_RDWR = 2;

    /** The three libc calls used, so a test can stand in for the kernel. */
    interface Kernel {
        int open(String path, int flags);

        int ioctl(int fd, NativeLong request, IntByReference value);

        int close(int fd);
    }

    private interface LibC extends Library, Kernel {}

    /** The C library, loaded on first use. */
    static final Kernel LIBC = new Kernel() {
        private LibC libc;

        private synchronized LibC libc() {
            if (libc == null) {
                libc = Native.load("c", LibC.class);
            }
            return libc;
        }

        @Override
        public int open(String path, int flags) {
            return libc().open(path, flags);
        }

        @Override
        public int ioctl(int fd, NativeLong request, IntByReference value) {
            return libc().ioctl(fd, request, value);
        }

        @Override
        public int close(int fd) {
            return libc().close(fd);
        }
    };

    private final Kernel kernel;
    private final String devicePrefix;

    /** @param devicePrefix {@code /dev/spidev}; the device is {@code <prefix><bus>.<channel>} */
    SpidevMode(Kernel kernel, String devicePrefix) {
        this.kernel = kernel;
        this.devicePrefix = devicePrefix;
    }

    SpidevMode() {
        this(LIBC, "/dev/spidev");
    }

    @Override
    public void write(int bus, int channel, int mode) throws IOException {
        String path = devicePrefix + bus + "." + channel;
        int fd = kernel.open(path, O_RDWR);
        if (fd < 0) {
            throw new IOException("cannot open " + path + " to set its SPI mode (errno " + Native.getLastError()
                    + "); enable SPI with dtparam=spi=on and check the user is in the spi group");
        }
        try {
            if (kernel.ioctl(fd, new NativeLong(SPI_IOC_WR_MODE32), new IntByReference(mode)) != 0) {
                throw new IOException("SPI_IOC_WR_MODE32 " + hex(mode) + " on " + path + " failed (errno "
                        + Native.getLastError() + ")");
            }
            IntByReference read = new IntByReference();
            if (kernel.ioctl(fd, new NativeLong(SPI_IOC_RD_MODE32), read) != 0) {
                throw new IOException("SPI_IOC_RD_MODE32 on " + path + " failed (errno " + Native.getLastError() + ")");
            }
            if (read.getValue() != mode) {
                throw new IOException(path + " is in SPI mode " + hex(read.getValue()) + " after setting " + hex(mode));
            }
        } finally {
            kernel.close(fd);
        }
    }

    private static String hex(int mode) {
        return "0x" + Integer.toHexString(mode);
    }
}
