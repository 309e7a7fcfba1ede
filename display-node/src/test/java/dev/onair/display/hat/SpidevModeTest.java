package dev.onair.display.hat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpidevModeTest {
    @TempDir
    Path dir;

    /** A spidev device as the kernel keeps it: one mode word per device, read and written whole by the MODE32 ioctls. */
    static class FakeSpidev implements SpidevMode.Kernel {
        int mode;
        final List<String> calls = new ArrayList<>();

        FakeSpidev(int mode) {
            this.mode = mode;
        }

        @Override
        public int open(String path, int flags) {
            calls.add("open " + path + " " + flags);
            return 7;
        }

        @Override
        public int ioctl(int fd, NativeLong request, IntByReference value) {
            calls.add(String.format("ioctl %d 0x%08x", fd, request.longValue()));
            if (request.longValue() == 0x40046b05L) { // SPI_IOC_WR_MODE32 = _IOW('k', 5, __u32), linux/spi/spidev.h
                mode = value.getValue();
            } else if (request.longValue() == 0x80046b05L) { // SPI_IOC_RD_MODE32 = _IOR('k', 5, __u32)
                value.setValue(mode);
            } else {
                return -1;
            }
            return 0;
        }

        @Override
        public int close(int fd) {
            calls.add("close " + fd);
            return 0;
        }
    }

    @Test
    void write_replacesTheWholeModeWord_whereasPi4jOrsIntoIt() throws Exception {
        // SPI_NO_CS | SPI_MODE_3, as a previous program may leave /dev/spidev0.1; Pi4J 2.8 would keep both bits
        FakeSpidev kernel = new FakeSpidev(0x40 | 0x03);

        new SpidevMode(kernel, "/dev/spidev").write(0, 1, 0);

        assertThat(kernel.mode).isZero();
        assertThat(kernel.calls)
                .containsExactly("open /dev/spidev0.1 2", "ioctl 7 0x40046b05", "ioctl 7 0x80046b05", "close 7");
    }

    @Test
    void write_aModeTheDriverDoesNotKeep_failsSayingWhatItReadBack() {
        FakeSpidev kernel = new FakeSpidev(0x40) {
            @Override
            public int ioctl(int fd, NativeLong request, IntByReference value) {
                int result = super.ioctl(fd, request, value);
                mode |= 0x40; // a controller that cannot drop SPI_NO_CS
                if (request.longValue() == 0x80046b05L) {
                    value.setValue(mode);
                }
                return result;
            }
        };

        assertThatThrownBy(() -> new SpidevMode(kernel, "/dev/spidev").write(0, 0, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/dev/spidev0.0")
                .hasMessageContaining("0x40");
    }

    @Test
    void write_throughTheRealLibc_onAFileThatIsNoSpiDevice_failsNamingIt() throws Exception {
        Files.write(dir.resolve("spidev0.0"), new byte[0]);

        assertThatThrownBy(() ->
                        new SpidevMode(SpidevMode.LIBC, dir.resolve("spidev").toString()).write(0, 0, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve("spidev0.0").toString())
                .hasMessageContaining("SPI_IOC_WR_MODE32");
    }

    @Test
    void write_throughTheRealLibc_withoutTheDevice_saysHowToEnableSpi() {
        assertThatThrownBy(() ->
                        new SpidevMode(SpidevMode.LIBC, dir.resolve("spidev").toString()).write(0, 0, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot open")
                .hasMessageContaining("spidev0.0");
    }
}
