package io.musicassistant.alexa.local.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver through Selenium: both named by path
 * so that Selenium Manager never runs (it would try to download a driver; there is no internet here).
 * Missing binaries fail the test with the command that installs them: browser tests never skip.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final String INSTALL =
            "run scripts/install-chromium (as root; it runs apt-get update && apt-get install -y chromium chromium-driver)";
    /** Generous: Chromium on two busy cores can take seconds for what takes milliseconds elsewhere. */
    static final Duration WAIT = Duration.ofSeconds(60);

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** A desktop window, or a phone's screen as Chrome's device emulation shows it (CSS pixels, touch, mobile UA). */
    record Screen(int width, int height, boolean phone) {
        static final Screen DESKTOP = new Screen(1280, 900, false);
        static final Screen PHONE = new Screen(390, 844, true);
    }

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        // The page redraws its parts on every live update: an element found just before is then stale, and the
        // condition is simply tried again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    static HeadlessChromium start(Screen screen) {
        return start(CHROMIUM, CHROMEDRIVER, screen);
    }

    static HeadlessChromium start(Path chromium, Path chromedriver, Screen screen) {
        for (Path binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(
                        "the browser tests need Chromium and chromedriver, and " + binary + " is missing: " + INSTALL);
            }
        }
        // Passed on as the environment of Selenium Manager, should anything ever start it: no downloads.
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toFile())
                // root in a container: no user namespaces for the sandbox, and a small /dev/shm
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")
                .addArguments("--lang=en-US", "--no-first-run", "--disable-extensions")
                .addArguments("--window-size=" + screen.width() + "," + screen.height());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        if (screen.phone()) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of(
                                    "width",
                                    screen.width(),
                                    "height",
                                    screen.height(),
                                    "pixelRatio",
                                    3.0,
                                    "touch",
                                    true,
                                    "mobile",
                                    true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits (up to {@link #WAIT}) until the condition holds; the message says what was awaited. */
    <T> T await(String what, Function<ChromeDriver, T> condition) {
        return wait.withMessage(what).until(d -> condition.apply((ChromeDriver) d));
    }

    /** Waits until {@code css} carries {@code attribute="value"}. */
    void awaitAttribute(String css, String attribute, String value) {
        await(
                css + "[" + attribute + "=\"" + value + "\"]",
                ExpectedConditions.attributeToBe(By.cssSelector(css), attribute, value)::apply);
    }

    /** Waits until {@code css} is shown with text. */
    String awaitText(String css) {
        return await(css + " shown with text", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            if (found.isEmpty() || !found.get(0).isDisplayed()) {
                return null;
            }
            String text = found.get(0).getText().strip();
            return text.isEmpty() ? null : text;
        });
    }

    /**
     * Saves what the browser shows as {@code target/screenshots/<name>.png}, for a person to look at,
     * and fails unless the file is there and a PNG.
     */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            byte[] saved = Files.readAllBytes(file);
            if (saved.length < 100 || !new String(saved, 1, 3, StandardCharsets.US_ASCII).equals("PNG")) {
                throw new AssertionError("no PNG saved at " + file.toAbsolutePath() + " (" + saved.length + " bytes)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, with the part {@code css} (its section, when it has one) scrolled to the top of the window. */
    Path screenshot(String name, String css) {
        script(
                "const e = document.querySelector(arguments[0]); (e.closest('section') || e).scrollIntoView(); window.scrollBy(0, -8);",
                css);
        return screenshot(name);
    }

    /** Runs a script in the page and returns what it returns. */
    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
