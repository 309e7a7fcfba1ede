package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.testsupport.OutsideTool;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

/**
 * A real X desktop for the tray ITs: Xvfb on a display it picks itself, tint2 as the tray (started when the test
 * says), screenshots kept in target/tray/, and xdotool to drive the native AWT menu. {@link #close} ends all of it.
 */
final class TrayDesktop implements AutoCloseable {
    static final Path SHOTS = Path.of("target", "tray");

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final String display;

    /** Starts Xvfb, without a tray yet. */
    TrayDesktop(Path dir) throws Exception {
        this.dir = dir;
        for (String tool : List.of("Xvfb", "tint2", "xdotool", "import")) {
            OutsideTool.require(onPath(tool), tool + " is not installed (apt install xvfb tint2 xdotool imagemagick)");
        }
        Files.createDirectories(SHOTS);
        // -displayfd: Xvfb takes a free display itself and says which, so parallel builds never collide.
        Process xvfb = start(List.of("Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp"));
        display = ":" + firstLine(xvfb, line -> line.matches("\\d+")).strip();
    }

    String display() {
        return display;
    }

    /** Starts tint2, a panel with only a system tray, and waits until its tray is up. */
    void startTray() throws Exception {
        Path rc = Files.writeString(
                dir.resolve("tint2rc"),
                String.join(
                        "\n",
                        "panel_items = S",
                        "panel_size = 100% 32",
                        "panel_position = top left horizontal",
                        "panel_background_id = 0",
                        "systray_padding = 4 4 4",
                        "systray_icon_size = 24",
                        ""));
        Process tint2 = start(List.of("tint2", "-c", rc.toString()));
        firstLine(tint2, line -> line.contains("systray started"));
    }

    /** Starts {@code onair <args>} on this desktop, its output in target/tray/{@code log}. */
    Process publisher(List<String> args, String log) throws Exception {
        List<String> command = new ArrayList<>(PublisherJvm.command());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(SHOTS.resolve(log).toFile());
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Opens the menu with a right click on the icon, then picks the {@code n}th entry with the arrow keys. */
    void menu(Point icon, int n) throws Exception {
        xdotool("mousemove", String.valueOf(icon.x), String.valueOf(icon.y), "click", "3");
        // The menu is open when its light background covers the screen below the icon.
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            BufferedImage shot = screenshot("menu.png");
            return (shot.getRGB(icon.x + 40, icon.y + 40) & 0xFFFFFF) > 0x808080;
        });
        List<String> keys = new ArrayList<>(List.of("key"));
        for (int i = 0; i < n; i++) {
            keys.add("Down");
        }
        keys.add("Return");
        xdotool(keys.toArray(String[]::new));
    }

    /** Waits until the tray shows a disc of {@code rgb}; keeps that screenshot; returns the disc's centre. */
    Point awaitColour(int rgb, String name) {
        AtomicReference<Point> found = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    found.set(disc(screenshot(name), rgb));
                    return found.get() != null;
                });
        return found.get();
    }

    /** The centre of the disc of {@code rgb} in the tray's strip, or null when there is none. */
    static Point disc(BufferedImage shot, int rgb) {
        long sx = 0;
        long sy = 0;
        int count = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                if ((shot.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    sx += x;
                    sy += y;
                    count++;
                }
            }
        }
        // A disc, not a stray pixel: a 24 px icon's disc has some 250 pixels of its colour.
        return count < 50 ? null : new Point((int) (sx / count), (int) (sy / count));
    }

    BufferedImage screenshot(String name) throws Exception {
        Path file = SHOTS.resolve(name);
        Process p = new ProcessBuilder("import", "-display", display, "-window", "root", file.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("import: " + said).isZero();
        return ImageIO.read(file.toFile());
    }

    private void xdotool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor())
                .as("xdotool " + String.join(" ", args) + ": " + said)
                .isZero();
    }

    private Process start(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Ends every process started here, the last first. */
    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
            if (!processes.get(i).waitFor(10, TimeUnit.SECONDS)) {
                processes.get(i).destroyForcibly();
            }
        }
    }

    /** The first line the process prints that matches; it keeps reading (and dropping) the rest. */
    private static String firstLine(Process p, Predicate<String> matches) {
        AtomicReference<String> line = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    if (line.get() == null && matches.test(l)) {
                        line.set(l);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> line.get() != null);
        return line.get();
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
