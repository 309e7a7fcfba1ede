package dev.onair.display;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium for one test, as a JUnit extension: {@link #open()} starts it with a fresh profile, and
 * it quits after the test (after the test's own {@code @AfterEach}).
 */
final class Chromium implements AfterEachCallback {
    private static final String DRIVER = "/usr/bin/chromedriver";

    private Path profile;
    private ChromeDriver browser;

    /** Starts the browser, once per test. */
    ChromeDriver open() throws IOException {
        if (browser == null) {
            profile = Files.createTempDirectory("onair-chromium");
            // Debian's driver, so Selenium Manager never tries to download one.
            System.setProperty("webdriver.chrome.driver", DRIVER);
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
                            .usingDriverExecutable(Path.of(DRIVER).toFile())
                            .build(),
                    options);
        }
        return browser;
    }

    /** Saves what the page shows as {@code target/screenshots/<name>}, for a person to look at. */
    void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The console lines the page logged that say the Content-Security-Policy refused something. */
    List<String> policyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            // Best effort: a helper process Chromium leaves behind may still be writing there; /tmp keeps the rest.
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("Chromium profile " + profile + " not fully deleted: " + e);
            }
            profile = null;
        }
    }
}
