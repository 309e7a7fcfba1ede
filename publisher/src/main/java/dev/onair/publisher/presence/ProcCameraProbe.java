package dev.onair.publisher.presence;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux: the camera is in use while a process holds a {@code /dev/video*} device open, seen as an {@code fd} link under
 * {@code /proc/<pid>/fd}. Only this user's processes can be seen without root, which is the work PC's user: the one
 * in the meeting. Both roots are parameters so a test can stand a folder in for {@code /dev}.
 */
public final class ProcCameraProbe implements DeviceProbe {
    private final Path proc;
    private final Path dev;
    private final String videoPrefix;

    public ProcCameraProbe(Path proc, Path dev) {
        this.proc = proc;
        this.dev = dev;
        this.videoPrefix = dev.resolve("video").toString();
    }

    /** The real {@code /proc} and {@code /dev}. */
    public static ProcCameraProbe system() {
        return new ProcCameraProbe(Path.of("/proc"), Path.of("/dev"));
    }

    @Override
    public boolean inUse() throws IOException {
        // Reading every fd link of every process costs ~13 ms of CPU per look on a busy machine (2,000 fds), every
        // 2 s: most of an idle publisher's CPU (issue 14). Without a /dev/video* device nothing can hold one open.
        if (!anyVideoDevice()) {
            return false;
        }
        try (DirectoryStream<Path> pids =
                Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path pid : pids) {
                if (holdsVideo(pid.resolve("fd"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "open " + videoPrefix + "* handles in " + proc;
    }

    private boolean holdsVideo(Path fds) {
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                try {
                    if (Files.readSymbolicLink(link).toString().startsWith(videoPrefix)) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed between listing and reading: not held
                }
            }
        } catch (IOException e) {
            // another user's process, or one that just ended: not ours to see
        }
        return false;
    }

    private boolean anyVideoDevice() throws IOException {
        try (DirectoryStream<Path> videos = Files.newDirectoryStream(dev, "video*")) {
            return videos.iterator().hasNext();
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
