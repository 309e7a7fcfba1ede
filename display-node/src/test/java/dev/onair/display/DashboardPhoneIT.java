package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15's dashboard in Debian's headless Chromium at a phone's 390 px: display names, the legend, overrides with a
 * duration as they reach MQTT, the menu across presence updates, no control cut off, the dark theme.
 */
class DashboardPhoneIT {
    @RegisterExtension
    final DashboardInChromium dashboard = new DashboardInChromium("lobby", "eve", "fay");

    private final EmbeddedBroker broker = dashboard.broker;
    private final Chromium chromium = dashboard.chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = dashboard.browser();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    private void publish(String person, Status status, String name) {
        String json = DisplayFixture.presence(person, status, Activity.of(status));
        if (name != null) {
            json = json.substring(0, json.length() - 1) + ",\"name\":\"" + name + "\"}";
        }
        var r = MosquittoClients.publish(broker, person, "onair/person/" + person + "/presence", json, true);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private WebElement row(String person) {
        return browser.findElement(By.cssSelector("li.person[data-person=" + person + "]"));
    }

    @Test
    void namesAreShown_escaped_withTheIdAsTooltip_andTheLegendSaysWhoseColumnsAreWhose() throws Exception {
        publish("eve", Status.BUSY, "Eve <b>Adams</b>");
        publish("fay", Status.AVAILABLE, null);
        browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");

        waitUpTo(10).until(d -> row("eve").getText().contains("Eve <b>Adams</b>"));
        WebElement name = row("eve").findElement(By.className("name"));
        assertThat(name.getText()).isEqualTo("Eve <b>Adams</b>"); // as text: no <b> element was made
        assertThat(name.findElements(By.tagName("b"))).isEmpty();
        assertThat(name.getAttribute("title")).isEqualTo("eve");
        assertThat(row("fay").findElement(By.className("name")).getText()).isEqualTo("fay");
        // The virtual panel is 16 wide: eve has columns 1-8, fay 9-16.
        waitUpTo(10).until(d -> d.findElement(By.id("legend")).getText().contains("fay"));
        assertThat(browser.findElement(By.cssSelector("#legend li[data-person=eve]"))
                        .getText()
                        .replaceAll("\\s+", " "))
                .isEqualTo("Eve <b>Adams</b> columns 1–8");
        assertThat(browser.findElement(By.cssSelector("#legend li[data-person=fay]"))
                        .getText()
                        .replaceAll("\\s+", " "))
                .isEqualTo("fay columns 9–16");
        assertNoPolicyViolations();
    }

    @Test
    void overrideWithADuration_sendsTheContractsJson_toTheSetTopic() throws Exception {
        publish("eve", Status.AVAILABLE, "Eve Adams");
        try (MosquittoClients.Subscriber set = MosquittoClients.subscribe(broker, "eve", "onair/person/eve/set")) {
            // The subscription is in place once a probe comes back (the display's user may send commands).
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        MosquittoClients.publish(broker, "lobby", "onair/person/eve/set", "available", false);
                        return set.lines().contains("onair/person/eve/set available");
                    });
            browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");
            waitUpTo(10).until(d -> row("eve").getText().contains("Eve Adams"));

            choose("eve", "do_not_disturb", "PT30M");
            row("eve").findElement(By.className("apply")).click();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> set.lines()
                            .contains("onair/person/eve/set {\"status\":\"do_not_disturb\",\"for\":\"PT30M\"}"));

            choose("eve", "busy", "");
            row("eve").findElement(By.className("apply")).click();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> set.lines().contains("onair/person/eve/set {\"status\":\"busy\"}"));

            openMenu("eve");
            row("eve").findElement(By.className("clear")).click();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> set.lines().contains("onair/person/eve/set {\"status\":\"auto\"}"));
        }
        assertNoPolicyViolations();
    }

    @Test
    void openMenu_survivesAPresenceUpdate_withItsChoices() {
        publish("eve", Status.AVAILABLE, "Eve Adams");
        browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");
        waitUpTo(10).until(d -> row("eve").getText().contains("available"));
        choose("eve", "away", "PT15M");
        browser.executeScript("arguments[0].__mark = 'same element'", row("eve"));

        publish("eve", Status.BUSY, "Eve Adams");

        waitUpTo(10)
                .until(d ->
                        row("eve").findElement(By.className("status")).getText().startsWith("busy"));
        WebElement menu = row("eve").findElement(By.className("override"));
        assertThat(menu.getAttribute("open")).isNotNull();
        assertThat(new Select(menu.findElement(By.className("ovr-status")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("away");
        assertThat(new Select(menu.findElement(By.className("ovr-for")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("PT15M");
        assertThat(browser.executeScript("return arguments[0].__mark", row("eve")))
                .isEqualTo("same element");
    }

    @Test
    void phoneWidth_noControlIsCutOff_andTheScreenshotIsKept() throws Exception {
        publish("eve", Status.BUSY, "Evangeline Montgomery-Smithson (Platform Team)");
        publish("fay", Status.AVAILABLE, "Fay");
        // A phone's viewport: 390 CSS pixels wide, overlay scroll bars (the window size would include a desktop one).
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");
        waitUpTo(10).until(d -> d.findElement(By.id("people")).getText().contains("Fay"));
        openMenu("eve");

        Long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
        assertThat(viewport).isEqualTo(390L);
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .as("page wider than the phone")
                .isLessThanOrEqualTo(viewport);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> boxes = (List<Map<String, Object>>)
                browser.executeScript("return [...document.querySelectorAll('input,select,button,summary')]"
                        + ".filter(e => e.offsetParent !== null).map(e => { const r = e.getBoundingClientRect();"
                        + " return {what: e.id || e.className || e.tagName, left: r.left, right: r.right,"
                        + " width: r.width}; })");
        assertThat(boxes).hasSizeGreaterThan(8);
        for (Map<String, Object> b : boxes) {
            double left = ((Number) b.get("left")).doubleValue();
            double right = ((Number) b.get("right")).doubleValue();
            assertThat(left).as(b.toString()).isGreaterThanOrEqualTo(0);
            assertThat(right).as(b.toString()).isLessThanOrEqualTo(viewport);
            assertThat(((Number) b.get("width")).doubleValue()).as(b.toString()).isGreaterThan(20);
        }
        chromium.screenshot("dashboard-390px.png");
        assertNoPolicyViolations();
    }

    @Test
    void darkTheme_followsPrefersColorScheme() {
        browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");
        waitUpTo(10).until(d -> d.findElement(By.id("status-line")).getText().equals("live"));

        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        assertThat(background()).isEqualTo("rgb(243, 244, 247)");
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertThat(background()).isEqualTo("rgb(16, 17, 20)");
        assertThat(browser.executeScript("return getComputedStyle(document.querySelector('.card')).backgroundColor"))
                .isEqualTo("rgb(27, 29, 34)");
    }

    private String background() {
        return (String) browser.executeScript("return getComputedStyle(document.body).backgroundColor");
    }

    private void openMenu(String person) {
        WebElement menu = row(person).findElement(By.className("override"));
        if (menu.getAttribute("open") == null) {
            menu.findElement(By.tagName("summary")).click();
        }
    }

    private void choose(String person, String status, String duration) {
        openMenu(person);
        new Select(row(person).findElement(By.className("ovr-status"))).selectByValue(status);
        new Select(row(person).findElement(By.className("ovr-for"))).selectByValue(duration);
    }

    private void assertNoPolicyViolations() {
        assertThat(chromium.policyViolations()).isEmpty();
    }
}
