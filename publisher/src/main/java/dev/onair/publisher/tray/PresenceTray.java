package dev.onair.publisher.tray;

import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.presence.Presence;
import dev.onair.runtime.lifecycle.Component;
import java.awt.AWTException;
import java.awt.Desktop;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's icon in the desktop's tray (Windows' notification area, the macOS menu bar, a Linux tray): the
 * status colour, and a menu to set busy or do-not-disturb by hand, go back to Teams, open the dashboard or quit.
 * Where there is no desktop (a service, SSH, a container) it stays off with one debug line.
 */
public final class PresenceTray implements Component {
    private static final Logger log = LoggerFactory.getLogger(PresenceTray.class);

    private final String person;
    private final Consumer<OverrideCommand> override;
    private final URI dashboard;
    private final Runnable quit;
    private volatile TrayIcon icon;
    private volatile Presence shown;

    /**
     * @param override the publisher's override path
     * @param dashboard the dashboard to open, or null for none known
     * @param quit ends the publisher
     */
    public PresenceTray(String person, Consumer<OverrideCommand> override, URI dashboard, Runnable quit) {
        this.person = person;
        this.override = override;
        this.dashboard = dashboard;
        this.quit = quit;
    }

    @Override
    public void start() throws InterruptedException, InvocationTargetException {
        if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
            log.debug("No system tray on this desktop (headless or no tray): the tray icon is off");
            return;
        }
        EventQueue.invokeAndWait(() -> {
            SystemTray tray = SystemTray.getSystemTray();
            int size = Math.max(16, Math.min(tray.getTrayIconSize().width, tray.getTrayIconSize().height));
            TrayIcon created = new TrayIcon(
                    StatusIcon.image(StatusIcon.colour(shown), size),
                    StatusIcon.tooltip(person, shown),
                    TrayMenu.build(override, this::openDashboard, dashboard != null, quit));
            created.setImageAutoSize(true);
            try {
                tray.add(created);
                icon = created;
                log.info("Tray icon shown for {}", person);
            } catch (AWTException e) {
                log.warn("The desktop refused the tray icon ({}); running without it", e.getMessage());
            }
        });
    }

    /** Shows {@code presence}; any thread. */
    public void show(Presence presence) {
        shown = presence;
        TrayIcon current = icon;
        if (current == null) {
            return;
        }
        EventQueue.invokeLater(() -> {
            int size = current.getSize().width > 0 ? current.getSize().width : 16;
            current.setImage(StatusIcon.image(StatusIcon.colour(presence), size));
            current.setToolTip(StatusIcon.tooltip(person, presence));
        });
    }

    @Override
    public void stop() {
        TrayIcon current = icon;
        icon = null;
        if (current != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(current));
        }
    }

    @Override
    public String name() {
        return "tray icon";
    }

    private void openDashboard() {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(dashboard);
                return;
            }
            log.warn("This desktop cannot open a browser; the dashboard is at {}", dashboard);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot open the dashboard {}: {}", dashboard, e.getMessage());
        }
    }
}
