package dev.onair.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted over a folder, to run out of disk space for real (needs root, as CI has; a test that cannot
 * mount fails rather than skips). {@link #close()} unmounts it, lazily, so it also goes when a test fails with files
 * still open on it.
 *
 * <pre>{@code
 * try (SmallFileSystem fs = SmallFileSystem.mount(broker.dataDir(), "8m")) {
 *     fs.fill();   // until "No space left on device"
 *     ...
 *     fs.free();
 * }
 * }</pre>
 */
public final class SmallFileSystem implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} ({@code mount -o size=}, e.g. {@code 8m}) over {@code folder}. */
    public static SmallFileSystem mount(Path folder, String size) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "onair-test-tmpfs", folder.toString());
        return new SmallFileSystem(folder);
    }

    /** Writes a file until the file system is full. */
    public void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        // The last blocks may still fit in smaller pieces.
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(new byte[512]);
            }
        } catch (IOException e) {
            // full
        }
    }

    /** Deletes what {@link #fill()} wrote. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Free bytes on the file system. */
    public long usable() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (tests that fill a disk run as root,"
                    + " as CI does): " + out.strip());
        }
    }
}
