package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.display.history.HistorySettings;
import dev.onair.display.history.TestClock;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.presence.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 15: a day fed through MQTT at known times (the node's clock is the test's) shows as the timeline. */
class TimelineBrowserIT {
    static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");

    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @TempDir
    Path tmp;

    final TestClock clock = new TestClock(DAY.plusSeconds(8 * 3600), ZoneOffset.UTC);
    private DisplayNode node;
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void aDayFedThroughMqtt_showsItsSegmentsInThePanelsColours_callsMarked_andItsTotals() throws Exception {
        broker.addUser("eve", Role.PUBLISHER);
        broker.addUser("den", Role.DISPLAY);
        HistorySettings history = new HistorySettings(tmp.resolve("data"), 400, ZoneOffset.UTC, Duration.ofSeconds(30));
        node = new DisplayNode(
                DisplayFixture.config(broker, "den").withHistory(history),
                settings -> new dev.onair.display.panel.VirtualPanel(),
                clock);
        node.start();

        // 08:00 available, 09:00-10:30 a call, 12:00 away, 12:30 available, 14:00 a meeting; the page opens at 15:20.
        at("08:00", Status.AVAILABLE, Activity.AVAILABLE, false, 1);
        at("09:00", Status.BUSY, Activity.IN_A_CALL, true, 2);
        at("10:30", Status.AVAILABLE, Activity.AVAILABLE, false, 3);
        at("12:00", Status.AWAY, Activity.AWAY, false, 4);
        at("12:30", Status.AVAILABLE, Activity.AVAILABLE, false, 5);
        at("14:00", Status.BUSY, Activity.IN_A_MEETING, true, 6);
        clock.set(DAY.plusSeconds(15 * 3600 + 20 * 60));

        browser = chromium.open();
        browser.manage().window().setSize(new Dimension(390, 1400));
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".tl-person[data-person=eve] .tl-strip .tl-seg"))
                                .size()
                        == 6);
        // The page redraws the strip when an event or its refresh comes in, which can replace an element between
        // finding it and reading it: read everything again then (the content is the same each time).
        await().atMost(Duration.ofSeconds(30))
                .ignoreException(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    List<WebElement> segments =
                            browser.findElements(By.cssSelector(".tl-person[data-person=eve] .tl-strip .tl-seg"));
                    assertThat(segments)
                            .extracting(s -> s.getAttribute("data-activity") + "@" + s.getAttribute("data-from"))
                            .containsExactly(
                                    "available@2026-12-01T08:00:00Z",
                                    "in_a_call@2026-12-01T09:00:00Z",
                                    "available@2026-12-01T10:30:00Z",
                                    "away@2026-12-01T12:00:00Z",
                                    "available@2026-12-01T12:30:00Z",
                                    "in_a_meeting@2026-12-01T14:00:00Z");
                    // The panel's colours (CONTRACT.md section 6), and the calls marked.
                    assertThat(segments)
                            .extracting(s -> s.getCssValue("background-color"))
                            .containsExactly(
                                    "rgba(0, 255, 0, 1)",
                                    "rgba(255, 0, 0, 1)",
                                    "rgba(0, 255, 0, 1)",
                                    "rgba(255, 255, 0, 1)",
                                    "rgba(0, 255, 0, 1)",
                                    "rgba(255, 0, 0, 1)");
                    assertThat(segments)
                            .extracting(s -> s.getAttribute("class").contains("tl-call"))
                            .containsExactly(false, true, false, false, false, true);
                    // 09:00 to 10:30 = 37.5 % of the day from 37.5 %.
                    assertThat(segments.get(1).getAttribute("style"))
                            .contains("left: 37.5%")
                            .contains("width: 6.25%");
                    // Calls: 1 h 30 min + 1 h 20 min (14:00 to now, 15:20).
                    String totals = browser.findElement(By.cssSelector(".tl-person[data-person=eve] .tl-totals"))
                            .getText();
                    assertThat(totals).isEqualTo("2 h 50 min in calls · 2 calls · 2 h 50 min busy");
                    // The week: seven days, today last with its calls.
                    List<WebElement> days = browser.findElements(By.cssSelector(".tl-person[data-person=eve] .tl-day"));
                    assertThat(days).hasSize(7);
                    assertThat(days.get(6).getAttribute("data-date")).isEqualTo("2026-12-01");
                    assertThat(days.get(6).getText()).contains("2 h 50 min calls");
                });
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('timeline-card').scrollIntoView()");
        chromium.screenshot("timeline-phone.png");

        // A new presence event redraws the strip without a reload.
        clock.set(DAY.plusSeconds(15 * 3600 + 30 * 60));
        publish(Status.AVAILABLE, Activity.AVAILABLE, false);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".tl-person[data-person=eve] .tl-strip .tl-seg"))
                                .size()
                        == 7);
    }

    /** Publishes at a time of the day, and waits until the history has it before the clock moves on. */
    private void at(String hhmm, Status status, Activity activity, boolean inCall, int rows) throws Exception {
        String[] hm = hhmm.split(":");
        clock.set(DAY.plusSeconds(Integer.parseInt(hm[0]) * 3600L + Integer.parseInt(hm[1]) * 60L));
        publish(status, activity, inCall);
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + node.httpPort() + "/api/people/eve/history"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(r.body()).get("segments").size() == rows;
        });
    }

    private void publish(Status status, Activity activity, boolean inCall) {
        String payload = new String(
                PresenceCodec.encode(
                        new Presence("eve", status, activity, clock.instant(), "teams-log", true, inCall, null)),
                StandardCharsets.UTF_8);
        var r = MosquittoClients.publish(broker, "eve", "onair/person/eve/presence", payload, true);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
