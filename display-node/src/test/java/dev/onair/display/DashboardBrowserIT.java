package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in Debian's headless Chromium, fed by the real broker and mosquitto_pub. */
class DashboardBrowserIT {
    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    @TempDir
    Path profile;

    private DisplayNode node;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        broker.addUser("eve", Role.PUBLISHER);
        broker.addUser("lobby", Role.DISPLAY);
        node = new DisplayNode(DisplayFixture.config(broker, "lobby"));
        node.start();

        // Debian's driver, so Selenium Manager never tries to download one.
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        // The console shows what the Content-Security-Policy refused.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                        .build(),
                options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.stop();
        }
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
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("people")).getText().contains("eve"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gridIs("0,255,0"));
        String pageId =
                (String) browser.executeScript("return window.__pageId = window.__pageId || Math.random() + ''");
        screenshot("dashboard-phone.png");

        publish(Status.BUSY, Activity.BUSY);

        new WebDriverWait(browser, Duration.ofSeconds(1)).until(d -> gridIs("255,0,0"));
        assertThat(browser.findElement(By.id("people")).getText()).contains("busy");
        // Same page: nothing reloaded it.
        assertThat(browser.executeScript("return window.__pageId")).isEqualTo(pageId);

        browser.manage().window().setSize(new Dimension(1280, 900));
        screenshot("dashboard-desktop.png");
        assertNoPolicyViolations();
    }

    /** Issue 11: the page must keep working under its Content-Security-Policy, controls included. */
    @Test
    void controls_workFromThePage_underItsContentSecurityPolicy() {
        publish(Status.AVAILABLE, Activity.AVAILABLE);
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gridIs("0,255,0"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("light-line")).getText().startsWith("Light on"));

        browser.findElement(By.id("power")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("control-msg")).getText().equals("Done."));
        assertThat(node.lightState().on()).isFalse();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gridIs("0,0,0"));
        assertNoPolicyViolations();
    }

    private void assertNoPolicyViolations() {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
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

        browser.get("http://127.0.0.1:" + node.httpPort() + "/");

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            String text = d.findElement(By.id("people")).getText();
            return text.contains("eve") && text.contains("fay") && text.contains("publisher offline");
        });
        String people = browser.findElement(By.id("people")).getText();
        assertThat(people.indexOf("eve")).isLessThan(people.indexOf("fay"));
        assertThat(people.indexOf("fay")).isLessThan(people.indexOf("gus"));
        screenshot("dashboard-phone-three-people.png");
        assertNoPolicyViolations();
    }

    @Test
    void cameraOn_showsOnThePage_andTheBorderOnTheGrid_overTheStatusColour() throws Exception {
        String json = DisplayFixture.presence("eve", Status.AVAILABLE, Activity.AVAILABLE)
                .replace("\"unread\":null,\"camera\":null,\"mic\":null", "\"unread\":3,\"camera\":true,\"mic\":true");
        assertThat(json).contains("\"camera\":true");
        publishAs("eve", json);
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("people")).getText().contains("camera on · mic on · 3 unread"));
        assertThat(browser.findElement(By.cssSelector("li.person[data-person=eve]"))
                        .getAttribute("class"))
                .contains("camera-on");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            String frame = d.findElement(By.id("grid")).getAttribute("data-frame");
            return frame != null && frame.startsWith("255,0,0") && frame.contains("0,255,0");
        });
        screenshot("dashboard-camera-on.png");

        publish(Status.AVAILABLE, Activity.AVAILABLE); // a payload without the fields: nothing is said
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("people")).getText().contains("camera on"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> gridIs("0,255,0"));
    }

    private void publishAs(String person, String json) {
        var r = MosquittoClients.publish(broker, person, "onair/person/" + person + "/presence", json, true);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private void screenshot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
