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
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's icon in the desktop's tray (Windows' notification area, the macOS menu bar, a Linux tray): the
 * status colour, and a menu to set busy or do-not-disturb by hand, go back to Teams, open the dashboard or quit.
 * Where there is no desktop (a service, SSH, a container) it stays off with one debug line. On a desktop whose tray is
 * not there yet (the publisher started at login before it), it says so once and looks again, less and less often
 * (1 s, 2 s, 4 s ... then every 30 s), on a thread of its own, until the icon is in.
 */
public final class PresenceTray implements Component {
    private static final Logger log = LoggerFactory.getLogger(PresenceTray.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final String person;
    private final Consumer<OverrideCommand> override;
    private final URI dashboard;
    private final Runnable quit;
    private volatile TrayIcon icon;
    private volatile Presence shown;
    private volatile boolean stopped;
    private TrayRetry retry;
    private ScheduledExecutorService retryScheduler;

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
    public void start() {
        if (GraphicsEnvironment.isHeadless()) {
            log.debug("No desktop (headless): the tray icon is off");
            return;
        }
        if (tryShow()) {
            return;
        }
        // At login the publisher may start before the desktop's tray: wait for it, without holding the publisher up.
        log.info(
                "No system tray on this desktop yet (at login it may still be starting): the tray icon appears "
                        + "when it does, looked for again after {} s, then less often, at least every {} s",
                FIRST_RETRY.toSeconds(),
                MAX_RETRY.toSeconds());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onair-tray-retry");
            t.setDaemon(true);
            return t;
        });
        synchronized (this) {
            if (stopped) {
                scheduler.shutdown();
                return;
            }
            retryScheduler = scheduler;
            retry = new TrayRetry(scheduler, this::retryShow, FIRST_RETRY, MAX_RETRY);
            retry.schedule();
        }
    }

    /** A later attempt, on the retry thread: true when shown (or stopped), ending the retries. */
    private boolean retryShow() {
        if (!tryShow()) {
            return stopped;
        }
        synchronized (this) {
            if (retryScheduler != null) {
                retryScheduler.shutdown();
            }
        }
        return true;
    }

    /** Adds the icon when the desktop has a tray now; false when it has none (yet) or refused it. */
    private boolean tryShow() {
        if (!SystemTray.isSupported()) {
            return false;
        }
        AtomicBoolean added = new AtomicBoolean();
        try {
            EventQueue.invokeAndWait(() -> {
                if (stopped) {
                    return;
                }
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
                    added.set(true);
                    log.info("Tray icon shown for {}", person);
                } catch (AWTException e) {
                    log.debug("The desktop refused the tray icon for now ({})", e.getMessage());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (InvocationTargetException e) {
            log.debug("Cannot add the tray icon for now: {}", String.valueOf(e.getCause()));
            return false;
        }
        return added.get();
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
        synchronized (this) {
            stopped = true;
            if (retry != null) {
                retry.cancel();
                retryScheduler.shutdownNow();
            }
        }
        TrayIcon current = icon;
        icon = null;
        if (current != null) {
            EventQueue.invokeLater(() -> {
                // The tray may have gone first (the desktop ending): then there is nothing to remove it from.
                if (SystemTray.isSupported()) {
                    SystemTray.getSystemTray().remove(current);
                }
            });
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
