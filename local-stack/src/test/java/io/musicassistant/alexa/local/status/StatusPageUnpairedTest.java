package io.musicassistant.alexa.local.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.dev.FreePort;
import io.musicassistant.alexa.local.LocalStack;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The status page of a home that is not paired yet, in a real headless Chromium, against the local
 * stack: the code and the words to say, a stream base nobody can reach (nothing listens on its port
 * until the test opens it), a phone's screen, the keyboard; then the demo user pairs, as a person
 * would by voice, and the page turns to "paired" by itself. Pairing cannot be undone, so it comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageUnpairedTest {

    static LocalStack stack;
    static String page;
    /** The stream base's port: nothing listens there until a test forwards it to the connector's stream server. */
    static int streamBasePort;

    @BeforeAll
    static void start() {
        streamBasePort = FreePort.find();
        stack = LocalStack.startUnpaired(
                LocalStack.Ports.ephemeral(),
                Map.of("STREAM_BASE", "https://localhost:" + streamBasePort),
                message -> {});
        page = stack.statusUrl().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A browser with the page open, showing the pairing code. */
    private static HeadlessChromium showingACode(HeadlessChromium.Screen screen) {
        HeadlessChromium browser = HeadlessChromium.start(screen);
        try {
            browser.open(page);
            browser.awaitAttribute("#pairing", "data-state", "unpaired");
            browser.awaitText("#pairing-code");
            return browser;
        } catch (RuntimeException | Error e) {
            browser.close(); // no Chromium left running after a failed test
            throw e;
        }
    }

    @Test
    @Order(1)
    void anUnreachableStreamBaseIsShownWithItsFixAndCheckAgainRunsTheCheckAgain() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.Screen.DESKTOP)) {
            browser.open(page);
            browser.awaitAttribute("#stream", "data-state", "problem");
            String problem = browser.awaitText("#stream-problem");
            String fix = browser.awaitText("#stream-fix");
            assertNotEquals(problem, fix, "the fix is more than the problem said again");
            browser.screenshot("stream-unreachable", "#stream");

            try (TcpForwarder reachable =
                    TcpForwarder.open(streamBasePort, stack.streams().port())) {
                browser.find("#stream-check").click();
                browser.awaitAttribute("#stream", "data-state", "ok");
                assertFalse(
                        browser.find("#stream-fix").isDisplayed(), "no fix shown once the stream base is reachable");
                browser.screenshot("stream-reachable-after-check-again", "#stream");
            }
        }
    }

    @Test
    @Order(2)
    void onAPhoneThePairingCodeIsLargeAndNothingRunsOffTheScreen() {
        try (HeadlessChromium phone = showingACode(HeadlessChromium.Screen.PHONE)) {
            long width = ((Number) phone.script("return window.innerWidth")).longValue();
            assertEquals(HeadlessChromium.Screen.PHONE.width(), width, "the phone's width in CSS pixels");
            long pageWidth = ((Number) phone.script("return document.documentElement.scrollWidth")).longValue();
            assertTrue(pageWidth <= width, "no sideways scrolling on a phone: the page is " + pageWidth + " px wide");
            WebElement code = phone.find("#pairing-code");
            var box = code.getRect();
            assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= width, "the code fits the screen: " + box);
            double size = Double.parseDouble(code.getCssValue("font-size").replace("px", ""));
            assertTrue(size >= 24, "the code is large: " + size + " px");
            phone.screenshot("phone-unpaired");
        }
    }

    @Test
    @Order(3)
    void theTabKeyReachesEveryButtonAndControl() {
        try (HeadlessChromium browser = showingACode(HeadlessChromium.Screen.DESKTOP)) {
            Set<String> wanted = Set.of("copy-code", "alexa-locale", "stream-check", "lang");
            Set<String> reached = new LinkedHashSet<>();
            for (int i = 0; i < 40 && !reached.containsAll(wanted); i++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                // the focused control itself, or the switch it belongs to (#lang may hold one link per language)
                reached.add(String.valueOf(browser.script(
                        "const e = document.activeElement; const c = e && e.closest('[id]'); return c ? c.id : '';")));
                if (reached.contains("copy-code")
                        && "copy-code".equals(browser.script("return document.activeElement.id"))) {
                    browser.screenshot("keyboard-focus-on-copy-code");
                }
            }
            assertTrue(reached.containsAll(wanted), "Tab reached " + reached + ", not all of " + wanted);
        }
    }

    @Test
    @Order(4)
    void thePairingCodeAndTheWordsToSayGiveWayToPairedWhenTheDemoUserPairs() {
        try (HeadlessChromium browser = showingACode(HeadlessChromium.Screen.DESKTOP)) {
            String code = stack.connector().link().currentCode().code();
            assertEquals(code.substring(0, 4) + " " + code.substring(4), browser.awaitText("#pairing-code"));
            String english = browser.awaitText("#pairing-sentence");
            assertTrue(
                    english.contains(browser.awaitText("#pairing-code")),
                    "the words to say carry the code: " + english);
            assertFalse(browser.awaitText("#pairing-valid").isBlank(), "how long the code is valid");
            browser.screenshot("pairing-code");

            Select locale = new Select(browser.find("#alexa-locale"));
            assertEquals(15, locale.getOptions().size(), "the 15 Alexa locales");
            locale.selectByValue("de-DE");
            String german = browser.await("the words to say in German", d -> {
                String now = d.findElement(org.openqa.selenium.By.cssSelector("#pairing-sentence"))
                        .getText()
                        .strip();
                return now.equals(english) || now.isEmpty() ? null : now;
            });
            assertTrue(german.contains(code.substring(0, 4)), "the German words carry the code too: " + german);
            browser.screenshot("pairing-code-de-DE");

            // Marks this document: a reload would start a new one without the mark.
            browser.script("window.statusPageTest = 'same document';");
            stack.pairDemoUser();
            browser.awaitAttribute("#pairing", "data-state", "paired");
            browser.await(
                    "one Amazon account linked",
                    d -> browser.awaitText("#linked-accounts").matches("(?s).*\\b1\\b.*"));
            assertEquals("same document", browser.script("return window.statusPageTest"), "updated without a reload");
            assertTrue(
                    browser.driver().findElements(org.openqa.selenium.By.cssSelector("#pairing-code")).stream()
                            .noneMatch(WebElement::isDisplayed),
                    "no code shown once paired");
            browser.screenshot("pairing-paired");
        }
    }
}
