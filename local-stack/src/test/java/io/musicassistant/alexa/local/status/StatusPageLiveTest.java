package io.musicassistant.alexa.local.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.local.AlexaRequests;
import io.musicassistant.alexa.local.ControlRequests;
import io.musicassistant.alexa.local.LocalStack;
import io.musicassistant.alexa.local.LocalStackMain;
import io.musicassistant.alexa.local.SkillClient;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The status page of the paired demo home, in a real headless Chromium, updating while it is open:
 * Music Assistant (the simulator) going away and coming back, commands from Alexa requests appearing,
 * the same without server-sent events (the page polls), in German; and stack.json's {@code status_url}.
 */
class StatusPageLiveTest {

    static LocalStack stack;
    static String page;
    static SkillClient skill;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Ports.ephemeral(), message -> {});
        page = stack.statusUrl().orElseThrow();
        skill = new SkillClient(stack.alexaUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void musicAssistantGoingAwayAndComingBackShowsWithoutAReload() {
        try (HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.Screen.DESKTOP)) {
            browser.open(page);
            browser.awaitAttribute("body", "data-live", "sse");
            browser.awaitAttribute("#pairing", "data-state", "paired");
            browser.awaitAttribute("#ma", "data-state", "connected");
            browser.awaitAttribute("#relay", "data-state", "ok");
            browser.awaitText("#last-heartbeat");
            browser.screenshot("live-connected");
            try {
                stack.ma().setStopped(true);
                browser.awaitAttribute("#ma", "data-state", "disconnected");
                browser.screenshot("live-music-assistant-gone", "#ma");
            } finally {
                stack.ma().setStopped(false);
            }
            browser.awaitAttribute("#ma", "data-state", "connected");
            browser.awaitAttribute("body", "data-live", "sse");
            browser.screenshot("live-music-assistant-back");
        }
    }

    @Test
    void aMusicRequestAndAVoiceRequestAppearAmongTheRecentCommandsNewestFirst() {
        try (HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.Screen.DESKTOP)) {
            browser.open(page);
            browser.awaitAttribute("body", "data-live", "sse");
            showsNewestSearch(browser, "ARTIST", "Radiohead");
            showsNewestCommand(
                    browser,
                    "player.",
                    () -> skill.send(ControlRequests.intent(
                            LocalStack.DEMO_TOKEN,
                            "en-US",
                            "PlayInRoomIntent",
                            Map.of("query", "radiohead", "room", "kitchen"))));
            List<String> rows = commandRows(browser);
            assertTrue(
                    rows.stream().skip(1).anyMatch(r -> r.contains("content.resolve")),
                    "the music request's command is still listed, below the newer one: " + rows);
            browser.screenshot("live-recent-commands", "#commands");
        }
    }

    @Test
    void withoutServerSentEventsThePagePollsAndStillUpdates() {
        try (HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.Screen.DESKTOP)) {
            // As in a browser or proxy that cannot keep an event stream open: no EventSource at all.
            browser.driver()
                    .executeCdpCommand(
                            "Page.addScriptToEvaluateOnNewDocument", Map.of("source", "delete window.EventSource;"));
            browser.open(page);
            browser.awaitAttribute("body", "data-live", "polling");
            showsNewestSearch(browser, "ALBUM", "In Rainbows");
            browser.screenshot("live-polling", "#commands");
        }
    }

    @Test
    void theLanguageSwitchTurnsThePageGermanAndBack() {
        try (HeadlessChromium browser = HeadlessChromium.start(HeadlessChromium.Screen.DESKTOP)) {
            browser.open(page); // the browser asks for English (Accept-Language en-US)
            browser.awaitAttribute("html", "lang", "en");
            String english = browser.awaitText("#ma");
            browser.find("#lang").findElement(By.linkText("Deutsch")).click();
            browser.awaitAttribute("html", "lang", "de");
            assertNotEquals(english, browser.awaitText("#ma"), "Music Assistant's state in German");
            assertTrue(browser.driver().getCurrentUrl().startsWith(page), "a relative link, under the same path");
            browser.screenshot("status-de");
            browser.find("#lang").findElement(By.linkText("English")).click();
            browser.awaitAttribute("html", "lang", "en");
            assertEquals(english, browser.awaitText("#ma"));
        }
    }

    @Test
    void stackJsonNamesTheStatusPageAndItAnswers(@TempDir Path stateDir) throws Exception {
        Path file = LocalStackMain.writeStackJson(stack, stateDir, false);
        JsonNode written = RelayJson.mapper().readTree(Files.readString(file));
        String url = written.path("status_url").asText();
        assertEquals(page, url);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> html =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("id=\"pairing\""), "the status page: " + html.body());
        HttpResponse<String> json = http.send(
                HttpRequest.newBuilder(URI.create(url + "api/status")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, json.statusCode());
        assertTrue(RelayJson.mapper().readTree(json.body()).isObject(), json.body());
    }

    /** Asks the music skill for something (the connector resolves it: content.resolve) and waits until it is listed. */
    private static void showsNewestSearch(HeadlessChromium browser, String... attributes) {
        showsNewestCommand(
                browser,
                "content.resolve",
                () -> skill.send(AlexaRequests.getPlayableContent(LocalStack.DEMO_TOKEN, attributes)));
    }

    /**
     * Sends a request and waits until the table changed and its newest row names {@code command}, with
     * an outcome and a time in cells of their own.
     */
    private static void showsNewestCommand(HeadlessChromium browser, String command, Runnable request) {
        List<String> before = commandRows(browser);
        request.run();
        browser.await("a new newest command " + command + " (before: " + before + ")", d -> {
            List<String> rows = commandRows(browser);
            return !rows.equals(before) && !rows.isEmpty() && rows.get(0).contains(command) ? rows : null;
        });
        // the table is redrawn on every update: a row read while it is replaced is read again
        List<String> cells =
                browser.await(
                        "the newest command's cells",
                        d -> d
                                .findElement(By.cssSelector("#commands tr.command"))
                                .findElements(By.cssSelector("td, th"))
                                .stream()
                                .map(WebElement::getText)
                                .map(String::strip)
                                .filter(text -> !text.isEmpty())
                                .toList());
        assertTrue(cells.size() >= 3, "the command's name, outcome and time: " + cells);
    }

    private static List<String> commandRows(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("#commands tr.command")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
