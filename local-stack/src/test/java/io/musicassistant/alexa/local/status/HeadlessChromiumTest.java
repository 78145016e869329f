package io.musicassistant.alexa.local.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The browser the status page's tests drive: Debian's, found by path, started without Selenium Manager. */
class HeadlessChromiumTest {

    @Test
    void aMissingChromiumFailsWithTheCommandThatInstallsIt() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> HeadlessChromium.start(
                        Path.of("/nonexistent/chromium"),
                        HeadlessChromium.CHROMEDRIVER,
                        HeadlessChromium.Screen.DESKTOP));
        assertTrue(error.getMessage().contains("/nonexistent/chromium is missing"), error.getMessage());
        assertTrue(error.getMessage().contains("scripts/install-chromium"), error.getMessage());
        assertTrue(error.getMessage().contains("apt-get install -y chromium chromium-driver"), error.getMessage());
    }

    @Test
    void theInstalledChromiumRendersAPageAndSeleniumManagerNeverRuns() throws Exception {
        // Strong references: java.util.logging forgets the level of a logger nobody holds.
        Logger finder = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");
        Logger manager = Logger.getLogger("org.openqa.selenium.manager.SeleniumManager");
        List<String> finderLog = new CopyOnWriteArrayList<>();
        List<String> managerLog = new CopyOnWriteArrayList<>();
        Handler toFinderLog = collect(finderLog);
        Handler toManagerLog = collect(managerLog);
        finder.setLevel(Level.ALL);
        manager.setLevel(Level.ALL);
        finder.addHandler(toFinderLog);
        manager.addHandler(toManagerLog);
        try (HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.Screen.DESKTOP)) {
            browser.open("data:text/html;charset=utf-8,<title>ok</title><h1 id=greeting>Hallo, Welt</h1>");
            assertEquals("Hallo, Welt", browser.awaitText("#greeting"));
            Path shot = browser.screenshot("headless-chromium");
            assertTrue(Files.size(shot) > 1000, "a PNG with something on it: " + Files.size(shot) + " bytes");
        } finally {
            finder.removeHandler(toFinderLog);
            manager.removeHandler(toManagerLog);
        }
        assertTrue(
                finderLog.stream().anyMatch(m -> m.startsWith("Skipping Selenium Manager")),
                "the driver was taken from the path given: " + finderLog);
        assertEquals(List.of(), managerLog, "Selenium Manager never ran");
    }

    private static Handler collect(List<String> into) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
