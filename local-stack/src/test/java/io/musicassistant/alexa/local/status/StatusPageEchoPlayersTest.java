package io.musicassistant.alexa.local.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.slimproto.EchoMac;
import io.musicassistant.alexa.local.LocalStack;
import io.musicassistant.alexa.masim.player.PlayerState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Echo players on the status page, in a real headless Chromium against the local stack: read-only
 * while {@code ECHO_PLAYERS} names the Echos (the stack's default), then, with the setting emptied, an
 * Echo added on the page joins Music Assistant (the simulator) and leaves it again when removed.
 */
class StatusPageEchoPlayersTest {

    static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Ports.ephemeral(), message -> {});
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anEchoAddedOnThePageJoinsMusicAssistantAndLeavesWhenRemoved() {
        try (HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.Screen.DESKTOP)) {
            browser.open(stack.statusUrl().orElseThrow());
            browser.awaitAttribute("li.echo-player", "data-key", "kitchen-echo");
            browser.awaitText("#echo-readonly");
            assertTrue(
                    browser.driver()
                            .findElements(By.cssSelector(".echo-remove"))
                            .isEmpty(),
                    "read-only");
            assertTrue(!browser.find("#echo-form").isDisplayed(), "no form while ECHO_PLAYERS names the Echos");
            browser.screenshot("echo-players-read-only", "#echo");
        }

        stack.changeEchoPlayers("", message -> {});
        String bedroom = EchoMac.of(stack.connector().instanceId(), "bedroom-echo");
        try (HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.Screen.DESKTOP)) {
            browser.open(stack.statusUrl().orElseThrow());
            browser.awaitAttribute("body", "data-live", "sse");
            WebElement name = browser.find("#echo-name");
            assertEquals(
                    "echo-name", browser.find("label[for=\"echo-name\"]").getAttribute("for"), "the field has a label");
            name.sendKeys("Bedroom Echo");
            browser.find("#echo-add").click();
            browser.awaitAttribute("li.echo-player", "data-connected", "true");
            browser.awaitText("#echo-result");
            browser.await(
                    "\"Bedroom Echo (Alexa)\" in Music Assistant",
                    d -> stack.ma()
                            .player(bedroom)
                            .map(PlayerState::name)
                            .filter("Bedroom Echo (Alexa)"::equals)
                            .orElse(null));
            browser.screenshot("echo-players-added", "#echo");

            WebElement remove = browser.find("li.echo-player[data-key=\"bedroom-echo\"] .echo-remove");
            assertEquals("Remove Bedroom Echo", remove.getAttribute("aria-label"), "says which Echo it removes");
            // at once: sooner than the page's one change a second (StatusServer.ECHO_SPACING) on a quick machine,
            // and the page sends it again after Retry-After
            remove.click();
            browser.await(
                    "the Echo gone from the page",
                    d -> d.findElements(By.cssSelector("li.echo-player")).isEmpty() ? true : null);
            browser.await(
                    "the player gone from Music Assistant",
                    d -> stack.ma().player(bedroom).isEmpty()
                                    && stack.ma().playerConfig(bedroom).isEmpty()
                            ? true
                            : null);
            browser.screenshot("echo-players-removed", "#echo");
        }
    }
}
