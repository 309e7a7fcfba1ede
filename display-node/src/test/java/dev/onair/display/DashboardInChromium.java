package dev.onair.display;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A dashboard test's parts, one set per test: the real broker, a display node on it (virtual panel, dashboard on a
 * free loopback port) and headless {@link Chromium}. They start before the test's {@code @BeforeEach} and stop, the
 * browser first, after its {@code @AfterEach}.
 */
final class DashboardInChromium implements BeforeEachCallback, AfterEachCallback {
    final EmbeddedBroker broker = new EmbeddedBroker();
    final Chromium chromium = new Chromium();
    private final String displayId;
    private final String[] publishers;
    private DisplayNode node;
    private ChromeDriver browser;

    /** A display {@code displayId}, and a publisher user for each of {@code publishers}. */
    DashboardInChromium(String displayId, String... publishers) {
        this.displayId = displayId;
        this.publishers = publishers.clone();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        broker.start();
        for (String person : publishers) {
            broker.addUser(person, Role.PUBLISHER);
        }
        broker.addUser(displayId, Role.DISPLAY);
        node = new DisplayNode(DisplayFixture.config(broker, displayId));
        node.start();
        browser = chromium.open();
    }

    DisplayNode node() {
        return node;
    }

    ChromeDriver browser() {
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            chromium.afterEach(context);
        } finally {
            if (node != null) {
                node.stop();
            }
            broker.close();
        }
    }
}
