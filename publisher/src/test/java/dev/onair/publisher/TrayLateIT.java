package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import java.awt.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher started at login before the desktop's tray (issue 14): it publishes at once, says once that there is
 * no tray yet, and shows its icon, menu working, when tint2 starts afterwards.
 */
class TrayLateIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @TempDir
    Path dir;

    private TrayDesktop desktop;

    @BeforeAll
    static void users() {
        broker.addUser("kim", Role.PUBLISHER);
        broker.addUser("viewer", Role.VIEWER);
    }

    @BeforeEach
    void desktop() throws Exception {
        desktop = new TrayDesktop(dir); // Xvfb only: no tray yet
    }

    @AfterEach
    void stop() throws InterruptedException {
        desktop.close();
    }

    @Test
    void trayStartedAfterThePublisher_getsTheIcon_andTheMenuWorks() throws Exception {
        desktop.publisher(TrayIT.publisherArgs(broker, dir, "kim"), "publisher-late.log");
        Path log = TrayDesktop.SHOTS.resolve("publisher-late.log");

        // Not held up by the missing tray: the presence reaches the broker, and the wait is said once.
        TrayIT.awaitPresence(broker, p -> p.status() == Status.AVAILABLE);
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.readString(log).contains("No system tray"));
        assertThat(TrayDesktop.disc(desktop.screenshot("late-before.png"), TrayIT.GREEN))
                .isNull();

        desktop.startTray();
        Point icon = desktop.awaitColour(TrayIT.GREEN, "late-available.png");
        assertThat(Files.readString(log)).contains("Tray icon shown for kim");

        desktop.menu(icon, 1); // Busy for 30 min
        TrayIT.awaitPresence(
                broker, p -> p.status() == Status.BUSY && p.source().equals("override"));
        desktop.awaitColour(TrayIT.RED, "late-busy.png");
        assertThat(Files.readString(log).split("No system tray", -1))
                .as("the wait is logged once")
                .hasSize(2);
    }
}
