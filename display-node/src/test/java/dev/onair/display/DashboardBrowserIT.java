package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in Debian's headless Chromium, fed by the real broker and mosquitto_pub. */
class DashboardBrowserIT {
    @RegisterExtension
    final DashboardInChromium dashboard = new DashboardInChromium("lobby", "eve");

    private final EmbeddedBroker broker = dashboard.broker;
    private final Chromium chromium = dashboard.chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = dashboard.browser();
    }

    private void publish(Status status, Activity activity) {
        var r = MosquittoClients.publish(
                broker, "eve", "onair/person/eve/presence", DisplayFixture.presence("eve", status, activity), true);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private boolean gridIs(String rgb) {
        String frame = browser.findElement(By.id("grid")).getAttribute("data-frame");
        return frame != null
                && !frame.isEmpty()
                && Arrays.stream(frame.split(" ")).allMatch(rgb::equals);
    }

    @Test
    void page_showsThePerson_andTheGridTurnsRedWithinASecondOfBusy_withoutReload() throws Exception {
        publish(Status.AVAILABLE, Activity.AVAILABLE);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("people")).getText().contains("eve"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gridIs("0,255,0"));
        String pageId =
                (String) browser.executeScript("return window.__pageId = window.__pageId || Math.random() + ''");
        chromium.screenshot("dashboard-phone.png");

        publish(Status.BUSY, Activity.BUSY);

        new WebDriverWait(browser, Duration.ofSeconds(1)).until(d -> gridIs("255,0,0"));
        assertThat(browser.findElement(By.id("people")).getText()).contains("busy");
        // Same page: nothing reloaded it.
        assertThat(browser.executeScript("return window.__pageId")).isEqualTo(pageId);

        browser.manage().window().setSize(new Dimension(1280, 900));
        chromium.screenshot("dashboard-desktop.png");
        assertNoPolicyViolations();
    }

    /** Issue 11: the page must keep working under its Content-Security-Policy, controls included. */
    @Test
    void controls_workFromThePage_underItsContentSecurityPolicy() {
        publish(Status.AVAILABLE, Activity.AVAILABLE);
        browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gridIs("0,255,0"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("light-line")).getText().startsWith("Light on"));

        browser.findElement(By.id("power")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("control-msg")).getText().equals("Done."));
        assertThat(dashboard.node().lightState().on()).isFalse();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gridIs("0,0,0"));
        assertNoPolicyViolations();
    }

    private void assertNoPolicyViolations() {
        assertThat(chromium.policyViolations()).isEmpty();
    }

    @Test
    void severalPeople_areListedInOrder_withAnOfflinePublisherMarked() throws Exception {
        for (String p : new String[] {"fay", "gus"}) {
            broker.addUser(p, Role.PUBLISHER);
        }
        publish(Status.BUSY, Activity.IN_A_CALL);
        publishAs("fay", DisplayFixture.presence("fay", Status.AVAILABLE, Activity.AVAILABLE));
        publishAs("gus", DisplayFixture.presence("gus", Status.AWAY, Activity.AWAY));
        var r = MosquittoClients.publish(broker, "gus", "onair/person/gus/availability", "offline", true);
        assertThat(r.exitCode()).as(r.output()).isZero();
        browser.manage().window().setSize(new Dimension(390, 1700));

        browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            String text = d.findElement(By.id("people")).getText();
            return text.contains("eve") && text.contains("fay") && text.contains("publisher offline");
        });
        String people = browser.findElement(By.id("people")).getText();
        assertThat(people.indexOf("eve")).isLessThan(people.indexOf("fay"));
        assertThat(people.indexOf("fay")).isLessThan(people.indexOf("gus"));
        chromium.screenshot("dashboard-phone-three-people.png");
        assertNoPolicyViolations();
    }

    @Test
    void cameraOn_showsOnThePage_andTheBorderOnTheGrid_overTheStatusColour() throws Exception {
        String json = DisplayFixture.presence("eve", Status.AVAILABLE, Activity.AVAILABLE)
                .replace("\"unread\":null,\"camera\":null,\"mic\":null", "\"unread\":3,\"camera\":true,\"mic\":true");
        assertThat(json).contains("\"camera\":true");
        publishAs("eve", json);
        browser.get("http://127.0.0.1:" + dashboard.node().httpPort() + "/");

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("people")).getText().contains("camera on · mic on · 3 unread"));
        assertThat(browser.findElement(By.cssSelector("li.person[data-person=eve]"))
                        .getAttribute("class"))
                .contains("camera-on");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            String frame = d.findElement(By.id("grid")).getAttribute("data-frame");
            return frame != null && frame.startsWith("255,0,0") && frame.contains("0,255,0");
        });
        chromium.screenshot("dashboard-camera-on.png");

        publish(Status.AVAILABLE, Activity.AVAILABLE); // a payload without the fields: nothing is said
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("people")).getText().contains("camera on"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gridIs("0,255,0"));
    }

    private void publishAs(String person, String json) {
        var r = MosquittoClients.publish(broker, person, "onair/person/" + person + "/presence", json, true);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
