package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.awt.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray icon on a real X desktop ({@link TrayDesktop}: Xvfb, tint2 as the tray), the publisher in its own JVM.
 * The icon's colour is read from screenshots (kept in target/tray/), and the native AWT menu is driven with xdotool
 * (right click, arrow keys, Return); each override must reach the broker as the publisher's presence.
 */
class TrayIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    static final String LINE = "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> "
            + "native_modules::UserDataCrossCloudModule: Received Action: UserPresenceAction: "
            + "{cloud_context: https://teams.microsoft.com, availability: %s}\n";
    static final int GREEN = 0x00FF00;
    static final int RED = 0xFF0000;
    private static final int PURPLE = 0x800080;

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
        desktop = new TrayDesktop(dir);
        desktop.startTray();
    }

    @AfterEach
    void stop() throws InterruptedException {
        desktop.close();
    }

    @Test
    void iconShowsTheStatusColour_andTheMenuSetsOverridesAtTheBroker_andQuits() throws Exception {
        Process publisher = desktop.publisher(publisherArgs(broker, dir, "kim"), "publisher.log");

        awaitPresence(broker, p -> p.status() == Status.AVAILABLE);
        Point icon = desktop.awaitColour(GREEN, "available.png");

        desktop.menu(icon, 1); // Busy for 30 min
        awaitPresence(
                broker, p -> p.status() == Status.BUSY && p.source().equals("override") && p.overrideUntil() != null);
        desktop.awaitColour(RED, "busy.png");

        desktop.menu(icon, 3); // Do not disturb until cleared
        awaitPresence(
                broker,
                p -> p.status() == Status.DO_NOT_DISTURB && p.source().equals("override") && p.overrideUntil() == null);
        desktop.awaitColour(PURPLE, "do-not-disturb.png");

        desktop.menu(icon, 4); // Auto: Teams again
        awaitPresence(broker, p -> p.status() == Status.AVAILABLE && p.source().equals("teams-log"));
        desktop.awaitColour(GREEN, "auto.png");

        desktop.menu(icon, 6); // Quit (the separator is skipped)
        assertThat(publisher.waitFor(2, TimeUnit.MINUTES))
                .as("the publisher quit")
                .isTrue();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Wire.retained(broker, "viewer", "onair/person/kim/availability")
                        .filter(line -> line.equals("1 1 offline"))
                        .isPresent());
    }

    /** {@code publisher ...} for {@code person}, following a Teams log that says Available. */
    static List<String> publisherArgs(EmbeddedBroker broker, Path dir, String person) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("teams-logs"));
        Files.writeString(logs.resolve("MSTeams_2026-07-26_11-00-00.00.log"), String.format(LINE, "Available"));
        Path password = Files.writeString(dir.resolve("password"), broker.password(person) + "\n");
        return List.of(
                "publisher",
                "--person=" + person,
                "--broker=" + broker.tlsUrl(),
                "--ca=" + broker.caFile(),
                "--user=" + person,
                "--password-file=" + password,
                "--teams-logs=" + logs,
                "--teams-process-check=off");
    }

    /** Waits, generously (a JVM starting on a busy 2-core machine), for kim's retained presence to match. */
    static void awaitPresence(EmbeddedBroker broker, Predicate<Presence> matches) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Wire.retainedPresence(broker, "viewer", "kim")
                        .filter(matches)
                        .isPresent());
    }
}
