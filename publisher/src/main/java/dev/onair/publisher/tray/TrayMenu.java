package dev.onair.publisher.tray;

import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.presence.Status;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The tray's menu. Each presence entry is an override, the same command {@code onair set} sends (CONTRACT.md
 * section 4), handed to the publisher's own override path.
 */
final class TrayMenu {
    static final String BUSY_30_MIN = "Busy for 30 min";
    static final String BUSY_1_H = "Busy for 1 h";
    static final String DO_NOT_DISTURB = "Do not disturb until cleared";
    static final String AUTO = "Auto (follow Teams)";
    static final String DASHBOARD = "Open dashboard";
    static final String QUIT = "Quit OnAir";

    private TrayMenu() {}

    static PopupMenu build(
            Consumer<OverrideCommand> override, Runnable dashboard, boolean hasDashboard, Runnable quit) {
        PopupMenu menu = new PopupMenu("OnAir");
        menu.add(item(BUSY_30_MIN, () -> override.accept(OverrideCommand.of(Status.BUSY, Duration.ofMinutes(30)))));
        menu.add(item(BUSY_1_H, () -> override.accept(OverrideCommand.of(Status.BUSY, Duration.ofHours(1)))));
        menu.add(item(DO_NOT_DISTURB, () -> override.accept(OverrideCommand.of(Status.DO_NOT_DISTURB, null))));
        menu.add(item(AUTO, () -> override.accept(OverrideCommand.auto())));
        menu.addSeparator();
        MenuItem open = item(DASHBOARD, dashboard);
        open.setEnabled(hasDashboard);
        menu.add(open);
        menu.add(item(QUIT, quit));
        return menu;
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.addActionListener(e -> action.run());
        return item;
    }
}
