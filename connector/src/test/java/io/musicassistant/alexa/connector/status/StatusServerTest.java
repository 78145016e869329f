package io.musicassistant.alexa.connector.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ConnectorConfig;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status page's server over real HTTP (java.net.http) with a status the test sets. */
class StatusServerTest {

    static final long NOW = 1_780_000_000_000L;
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final AtomicReference<Status> status = new AtomicReference<>(unpaired());
    final AtomicInteger checks = new AtomicInteger();
    StatusServer server;
    URI base;

    static Status unpaired() {
        return new Status(
                "0.1.0",
                new Status.Pairing("unpaired", "12345678", NOW + 600_000, null),
                new Status.Ma("connected", "http://192.168.1.10:8095", "2.7.1"),
                new Status.Relay("ok", NOW - 5_000, null, null),
                List.of(
                        new Status.Command("player.control", "ok", 42, NOW - 1_000),
                        new Status.Command("content.resolve", "not_found", 180, NOW - 60_000)),
                new Status.Stream(
                        "problem",
                        "https://music.example.org",
                        false,
                        "unreachable",
                        "ConnectException: Connection refused",
                        NOW - 2_000,
                        false),
                new Status.Catalog("done", NOW - 3_600_000, true, 1234, 56_789L, 3, 1, 0, null, null),
                new Status.Cache(7, 12_000_000, 2_048_000_000L, 5, 7),
                Status.Echo.NONE);
    }

    static Status paired(Status s) {
        return new Status(
                s.version(),
                new Status.Pairing("paired", null, null, 2),
                s.ma(),
                s.relay(),
                s.commands(),
                s.stream(),
                s.catalog(),
                s.cache(),
                s.echo());
    }

    @BeforeEach
    void start() {
        server = StatusServer.start(StatusSettings.loopback(), status::get, () -> {
            checks.incrementAndGet();
            return true;
        });
        base = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theJsonHasEveryPartOfTheStatus() throws Exception {
        HttpResponse<String> answer = get("api/status");
        assertEquals(200, answer.statusCode());
        assertEquals(
                "application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        JsonNode json = StatusJson.MAPPER.readTree(answer.body());
        assertEquals("unpaired", json.at("/pairing/state").asText());
        assertEquals("12345678", json.at("/pairing/code").asText());
        assertEquals(NOW + 600_000, json.at("/pairing/expires_at_ms").asLong());
        assertTrue(json.at("/pairing/linked_accounts").isNull(), "null: the cloud did not say");
        assertEquals("connected", json.at("/ma/state").asText());
        assertEquals("2.7.1", json.at("/ma/server_version").asText());
        assertEquals("ok", json.at("/relay/state").asText());
        assertEquals(NOW - 5_000, json.at("/relay/last_heartbeat_ms").asLong());
        assertEquals("player.control", json.at("/commands/0/command").asText());
        assertEquals("not_found", json.at("/commands/1/outcome").asText());
        assertEquals(180, json.at("/commands/1/duration_ms").asInt());
        assertEquals("problem", json.at("/stream/state").asText());
        assertEquals("unreachable", json.at("/stream/problem").asText());
        assertFalse(json.at("/stream/checking").asBoolean());
        assertEquals("done", json.at("/catalog/state").asText());
        assertEquals(1234, json.at("/catalog/entities").asInt());
        assertEquals(3, json.at("/catalog/added").asInt());
        assertEquals(7, json.at("/cache/entries").asInt());
        assertEquals(2_048_000_000L, json.at("/cache/capacity_bytes").asLong());
        assertTrue(Math.abs(json.at("/generated_at_ms").asLong() - System.currentTimeMillis()) < 5_000);
    }

    @Test
    void everyAnswerForbidsCachingSniffingInlineScriptAndForeignFrames() throws Exception {
        for (String path : List.of("", "api/status", "status.js", "status.css", "nothing-here")) {
            HttpResponse<String> answer = get(path);
            var h = answer.headers();
            assertEquals("no-store", h.firstValue("Cache-Control").orElse(null), path);
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(null), path);
            String csp = h.firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'self'"), path + ": " + csp);
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        }
        assertEquals(404, get("nothing-here").statusCode());
        assertEquals(
                "text/javascript; charset=utf-8",
                get("status.js").headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                405,
                HTTP.send(
                                HttpRequest.newBuilder(base)
                                        .PUT(HttpRequest.BodyPublishers.ofString("x"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    @Test
    void thePageHasTheElementsTheBrowserTestsUseAndNoInlineScript() throws Exception {
        String page = get("").body();
        for (String id : List.of(
                "pairing",
                "pairing-code",
                "copy-code",
                "pairing-sentence",
                "alexa-locale",
                "pairing-valid",
                "linked-accounts",
                "ma",
                "relay",
                "last-heartbeat",
                "commands",
                "stream",
                "stream-problem",
                "stream-fix",
                "stream-check",
                "catalog",
                "cache",
                "updated",
                "lang",
                "echo-players",
                "echo-name",
                "echo-add",
                "echo-readonly")) {
            assertTrue(page.contains("id=\"" + id + "\""), "no #" + id);
        }
        assertTrue(page.contains("<body data-live="), "body[data-live]");
        assertTrue(page.contains("<button type=\"button\" id=\"copy-code\">"));
        assertTrue(page.contains("<button type=\"button\" id=\"stream-check\">"));
        assertTrue(page.contains("<label for=\"echo-name\">"), "the Echo name field has a label");
        assertTrue(page.contains("<button type=\"submit\" id=\"echo-add\">"));
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            String attrs = scripts.group(1);
            assertTrue(
                    attrs.contains("src=\"status.js\"") || attrs.contains("type=\"application/json\""),
                    "only the script file and a JSON data block: " + attrs);
        }
        assertEquals(2, count);
        assertFalse(page.contains("href=\"/") || page.contains("src=\"/"), "links are relative (ingress)");
        assertEquals(15, Pattern.compile("<option ").matcher(page).results().count(), "the 15 Alexa locales");
    }

    @Test
    void theLanguageComesFromTheQueryThenTheBrowser() throws Exception {
        String german = get("", "Accept-Language", "de-DE,de;q=0.9,en;q=0.8").body();
        assertTrue(german.contains("<html lang=\"de\">"));
        assertTrue(german.contains("Mit Alexa koppeln"));
        assertTrue(german.contains("<option value=\"de-DE\" selected>"));
        String asked = get("?lang=en", "Accept-Language", "de-DE,de;q=0.9").body();
        assertTrue(asked.contains("<html lang=\"en\">"));
        assertTrue(asked.contains("Pairing with Alexa"));
        String weighted = get("", "Accept-Language", "en;q=0.5, de;q=0.8").body();
        assertTrue(weighted.contains("<html lang=\"de\">"), "the higher weight wins");
        String canadian = get("", "Accept-Language", "fr-CA,fr;q=0.9").body();
        assertTrue(canadian.contains("<html lang=\"en\">"), "no French page: English");
        assertTrue(canadian.contains("<option value=\"fr-CA\" selected>"), "but the Alexa locale is the browser's");
        String none = get("").body();
        assertTrue(none.contains("<html lang=\"en\">"));
        assertTrue(none.contains("<option value=\"en-US\" selected>"));
        assertTrue(get("?lang=xx").body().contains("<html lang=\"en\">"));
    }

    @Test
    void serverSentEventsDeliverAChange() throws Exception {
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("api/events")).GET().build();
        var pending = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = pending.get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual()
                .start(() ->
                        response.body().filter(l -> l.startsWith("data: ")).forEach(l -> data.add(l.substring(6))));
        try {
            String first = data.poll(5, TimeUnit.SECONDS);
            assertNotNull(first, "the status at once");
            assertEquals(
                    "unpaired",
                    StatusJson.MAPPER.readTree(first).at("/pairing/state").asText());
            status.set(paired(status.get()));
            String next = data.poll(5, TimeUnit.SECONDS);
            assertNotNull(next, "an event for the change");
            JsonNode changed = StatusJson.MAPPER.readTree(next);
            assertEquals("paired", changed.at("/pairing/state").asText());
            assertEquals(2, changed.at("/pairing/linked_accounts").asInt());
            assertTrue(changed.at("/pairing/code").isNull(), "no code once paired");
        } finally {
            reader.interrupt();
        }
    }

    @Test
    void checkAgainNeedsThePagesHeaderItsOriginAndPatience() throws Exception {
        assertEquals(403, post("api/stream-check").statusCode(), "without X-Requested-By");
        assertEquals(403, post("api/stream-check", "X-Requested-By", "someone").statusCode());
        assertEquals(
                403,
                post("api/stream-check", "X-Requested-By", "status-page", "Origin", "https://evil.example")
                        .statusCode(),
                "another site's page");
        assertEquals(
                403,
                post("api/stream-check", "X-Requested-By", "status-page", "Sec-Fetch-Site", "cross-site")
                        .statusCode());
        assertEquals(405, get("api/stream-check").statusCode(), "a link cannot start it");
        assertEquals(405, post("api/status", "X-Requested-By", "status-page").statusCode());
        assertEquals(0, checks.get(), "nothing ran so far");
        String origin = "http://127.0.0.1:" + server.address().getPort();
        HttpResponse<String> ok = post(
                "api/stream-check", "X-Requested-By", "status-page", "Origin", origin, "Sec-Fetch-Site", "same-origin");
        assertEquals(202, ok.statusCode(), ok.body());
        assertEquals(1, checks.get());
        HttpResponse<String> again = post("api/stream-check", "X-Requested-By", "status-page", "Origin", origin);
        assertEquals(429, again.statusCode(), "one check per " + StatusServer.CHECK_SPACING);
        assertTrue(again.headers().firstValue("Retry-After").isPresent());
        assertEquals(1, checks.get());
        HttpResponse<String> body = HTTP.send(
                HttpRequest.newBuilder(base.resolve("api/stream-check"))
                        .header("X-Requested-By", "status-page")
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, body.statusCode(), "no body is read");
    }

    @Test
    void asAnAddOnOnlyTheIngressProxyMayAsk() throws IOException, InterruptedException {
        StatusServer addOn =
                StatusServer.start(new StatusSettings("127.0.0.1", 0, true, List.of()), status::get, () -> true);
        try {
            URI uri = URI.create("http://127.0.0.1:" + addOn.address().getPort() + "/api/status");
            HttpResponse<String> answer =
                    HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, answer.statusCode());
            assertFalse(answer.body().contains("12345678"));
        } finally {
            addOn.close();
        }
    }

    @Test
    void settingsComeFromTheEnvironmentAndAnAddOnIsKnownByItsOptionsFile(@TempDir Path dir) throws IOException {
        Map<String, String> env = Map.of("MA_URL", "http://ma:8095", "MA_TOKEN", "t", "STATE_DIR", dir.toString());
        StatusSettings plain = ConnectorConfig.load(env).status();
        assertEquals(new StatusSettings("0.0.0.0", StatusSettings.DEFAULT_PORT, false, List.of()), plain);
        Files.writeString(dir.resolve("options.json"), "{\"ma_token\": \"t\"}");
        assertTrue(ConnectorConfig.load(env).status().ingressOnly(), "the Supervisor wrote options.json");
        Map<String, String> off = new HashMap<>(env);
        off.put("STATUS_PORT", "off");
        assertFalse(ConnectorConfig.load(off).status().enabled());
        off.put("STATUS_PORT", "eighty");
        assertThrows(IllegalArgumentException.class, () -> ConnectorConfig.load(off));
        off.put("STATUS_PORT", "8080");
        off.put("STATUS_BIND", "192.168.1.20");
        off.put("STATUS_HOSTS", "Music.Example.org, nas.example.net");
        assertEquals(
                new StatusSettings("192.168.1.20", 8080, true, List.of("music.example.org", "nas.example.net")),
                ConnectorConfig.load(off).status());
    }

    @Test
    void aRequestUnderAPublicNameIsRefused() throws IOException {
        // java.net.http will not set Host: a raw request, as a page on a rebound name would send it
        try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write("GET /api/status HTTP/1.1\r\nHost: attacker.example:8098\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertFalse(answer.contains("12345678"), "no pairing code for a rebound name");
        }
    }

    @Test
    void onlyLocalHostNamesAreAnswered() {
        RequestGuard guard = new RequestGuard(new StatusSettings("0.0.0.0", 0, false, List.of("music.example.org")));
        for (String host : List.of(
                "192.168.1.20:8098",
                "[fe80::1]:8098",
                "localhost:8098",
                "homeassistant:8098",
                "homeassistant.local:8098",
                "nas.fritz.box",
                "pi.home.arpa",
                "music.example.org:8098")) {
            assertTrue(guard.localHost(host), host);
        }
        for (String host : List.of("attacker.example", "attacker.example:8098", "", "evil.com.")) {
            assertFalse(guard.localHost(host), "a rebound public name: " + host);
        }
    }
}
