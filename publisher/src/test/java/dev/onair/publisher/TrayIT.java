package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray icon on a real X desktop: Xvfb on a display it picks itself, tint2 as the tray, the publisher in its own
 * JVM. The icon's colour is read from screenshots (kept in target/tray/), and the native AWT menu is driven with
 * xdotool (right click, arrow keys, Return); each override must reach the broker as the publisher's presence.
 */
class TrayIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    private static final String LINE = "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> "
            + "native_modules::UserDataCrossCloudModule: Received Action: UserPresenceAction: "
            + "{cloud_context: https://teams.microsoft.com, availability: %s}\n";
    private static final int GREEN = 0x00FF00;
    private static final int RED = 0xFF0000;
    private static final int PURPLE = 0x800080;
    private static final Path SHOTS = Path.of("target", "tray");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private String display;

    @BeforeAll
    static void users() {
        broker.addUser("kim", Role.PUBLISHER);
        broker.addUser("viewer", Role.VIEWER);
    }

    @BeforeEach
    void desktop() throws Exception {
        for (String tool : List.of("Xvfb", "tint2", "xdotool", "import")) {
            OutsideTool.require(
                    SetupITTools.onPath(tool), tool + " is not installed (apt install xvfb tint2 xdotool imagemagick)");
        }
        Files.createDirectories(SHOTS);
        // -displayfd: Xvfb takes a free display itself and says which, so parallel builds never collide.
        Process xvfb = start(List.of("Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp"));
        display = ":" + firstLine(xvfb, line -> line.matches("\\d+")).strip();
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

    @AfterEach
    void stop() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
            if (!processes.get(i).waitFor(10, TimeUnit.SECONDS)) {
                processes.get(i).destroyForcibly();
            }
        }
    }

    @Test
    void iconShowsTheStatusColour_andTheMenuSetsOverridesAtTheBroker_andQuits() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("teams-logs"));
        Files.writeString(logs.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Available"));
        Path password = Files.writeString(dir.resolve("password"), broker.password("kim") + "\n");
        List<String> command = new ArrayList<>(PublisherJvm.command());
        command.addAll(List.of(
                "publisher",
                "--person=kim",
                "--broker=" + broker.tlsUrl(),
                "--ca=" + broker.caFile(),
                "--user=kim",
                "--password-file=" + password,
                "--teams-logs=" + logs,
                "--teams-process-check=off"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(SHOTS.resolve("publisher.log").toFile());
        pb.environment().put("DISPLAY", display);
        Process publisher = pb.start();
        processes.add(publisher);

        awaitPresence(p -> p.status() == Status.AVAILABLE);
        Point icon = awaitColour(GREEN, "available.png");

        menu(icon, 1); // Busy for 30 min
        awaitPresence(p -> p.status() == Status.BUSY && p.source().equals("override") && p.overrideUntil() != null);
        awaitColour(RED, "busy.png");

        menu(icon, 3); // Do not disturb until cleared
        awaitPresence(
                p -> p.status() == Status.DO_NOT_DISTURB && p.source().equals("override") && p.overrideUntil() == null);
        awaitColour(PURPLE, "do-not-disturb.png");

        menu(icon, 4); // Auto: Teams again
        awaitPresence(p -> p.status() == Status.AVAILABLE && p.source().equals("teams-log"));
        awaitColour(GREEN, "auto.png");

        menu(icon, 6); // Quit (the separator is skipped)
        assertThat(publisher.waitFor(2, TimeUnit.MINUTES))
                .as("the publisher quit")
                .isTrue();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Wire.retained(broker, "viewer", "onair/person/kim/availability")
                        .filter(line -> line.equals("1 1 offline"))
                        .isPresent());
    }

    /** Waits, generously (a JVM starting on a busy 2-core machine), for kim's retained presence to match. */
    private static void awaitPresence(java.util.function.Predicate<dev.onair.protocol.presence.Presence> matches) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Wire.retainedPresence(broker, "viewer", "kim")
                        .filter(matches)
                        .isPresent());
    }

    /** Opens the menu with a right click on the icon, then picks the {@code n}th entry with the arrow keys. */
    private void menu(Point icon, int n) throws Exception {
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
    private Point awaitColour(int rgb, String name) {
        AtomicReference<Point> found = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    BufferedImage shot = screenshot(name);
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
                    if (count < 50) {
                        return false;
                    }
                    found.set(new Point((int) (sx / count), (int) (sy / count)));
                    return true;
                });
        return found.get();
    }

    private BufferedImage screenshot(String name) throws Exception {
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

    /** The first line the process prints that matches; what it printed goes to a file in target/tray. */
    private static String firstLine(Process p, java.util.function.Predicate<String> matches) throws Exception {
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

    /** PATH lookup. */
    static final class SetupITTools {
        static boolean onPath(String tool) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, tool))) {
                    return true;
                }
            }
            return false;
        }
    }
}
