package io.musicassistant.alexa.relay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayMessagesTest {

    @Test
    void commandRoundTripsWithSnakeCaseFields() {
        ContentQuery query = new ContentQuery(ContentKind.ALBUM, "ok-computer", "radiohead", true, 200, true);
        RelayCommand command = new RelayCommand(
                RelayProtocol.VERSION,
                "9b2f3c1e-0000-4000-8000-000000000001",
                RelayProtocol.Command.CONTENT_RESOLVE.wireName(),
                RelayJson.tree(query),
                2_000L,
                1_000L);
        String json = RelayJson.write(command);
        assertTrue(json.contains("\"deadline_ms\":2000"), json);
        assertTrue(json.contains("\"kind\":\"album\""), json);
        assertTrue(json.contains("\"max_tracks\":200"), json);
        RelayCommand back = RelayJson.read(json, RelayCommand.class);
        assertEquals(command, back);
        assertEquals(query, RelayJson.convert(back.args(), ContentQuery.class));
        assertTrue(back.expiredAt(2_000L));
        assertFalse(back.expiredAt(1_999L));
    }

    @Test
    void writtenMessagesHoldNoCharacterSqsRefuses() {
        String text = "x\uFFFE\uFFFF\u0000\u0007\t\n é 日本 \uD83C\uDFB5 \uE000 \uFFFD";
        RelayCommand command = new RelayCommand(
                RelayProtocol.VERSION,
                "9b2f3c1e-0000-4000-8000-000000000002",
                "ping",
                RelayJson.tree(java.util.Map.of("text", text)),
                2_000L,
                1_000L);
        String json = RelayJson.write(command);
        // SQS accepts #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF, nothing else.
        assertTrue(
                json.codePoints()
                        .allMatch(c -> c == 0x9
                                || c == 0xA
                                || c == 0xD
                                || (c >= 0x20 && c <= 0xD7FF)
                                || (c >= 0xE000 && c <= 0xFFFD)
                                || c >= 0x10000),
                json);
        assertTrue(json.contains("\\uFFFF") && json.contains("日本"), "only what SQS refuses is escaped: " + json);
        assertEquals(
                text,
                RelayJson.read(json, RelayCommand.class).args().path("text").asText());
    }

    @Test
    void aQueryCarriesItsLanguageAndOlderPeersNeedNone() {
        ContentQuery german = new ContentQuery(ContentKind.TRACK, "neunundneunzig luftballons", null, false, 1, true)
                .withLanguage("de-DE");
        JsonNode json = RelayJson.tree(german);
        assertEquals("de-DE", json.path("language").asText());
        assertEquals(german, RelayJson.convert(json, ContentQuery.class));
        // a query from a lambda older than the field: no language, read as English
        ObjectNode old = RelayJson.mapper()
                .createObjectNode()
                .put("kind", "track")
                .put("name", "x")
                .put("exact", false)
                .put("max_tracks", 1)
                .put("explicit_allowed", true);
        assertEquals(null, RelayJson.convert(old, ContentQuery.class).language());
        assertEquals(german, german.withLanguage(null), "no locale keeps the language");
        assertEquals(
                true,
                RelayJson.tree(new ContentQuery(ContentKind.TRACK, "x", null, false, 1, true))
                        .path("language")
                        .isMissingNode(),
                "no language, no field: an older connector sees the message it knows");
        JsonNode tooLong = old.deepCopy().put("language", "x".repeat(99));
        assertThrows(ProtocolException.class, () -> RelayJson.convert(tooLong, ContentQuery.class));
    }

    @Test
    void invalidQueriesAreRejectedWithProtocolErrors() {
        JsonNode noName =
                RelayJson.mapper().createObjectNode().put("kind", "artist").put("max_tracks", 10);
        assertThrows(ProtocolException.class, () -> RelayJson.convert(noName, ContentQuery.class));
        JsonNode badKind = RelayJson.mapper()
                .createObjectNode()
                .put("kind", "podcast")
                .put("name", "x")
                .put("max_tracks", 10);
        assertThrows(ProtocolException.class, () -> RelayJson.convert(badKind, ContentQuery.class));
        JsonNode tooMany =
                RelayJson.mapper().createObjectNode().put("kind", "library").put("max_tracks", 100_000);
        assertThrows(ProtocolException.class, () -> RelayJson.convert(tooMany, ContentQuery.class));
        assertThrows(ProtocolException.class, () -> RelayJson.read("{\"v\":1", RelayCommand.class));
        assertThrows(ProtocolException.class, () -> RelayJson.read("[".repeat(5000), RelayCommand.class));
    }

    @Test
    void trailingGarbageAndCoercedScalarsAreRefused() {
        String command = RelayJson.write(new RelayCommand(
                RelayProtocol.VERSION,
                "9b2f3c1e-0000-4000-8000-000000000003",
                "ping",
                RelayJson.mapper().createObjectNode(),
                2_000L,
                1_000L));
        assertEquals("ping", RelayJson.read(command, RelayCommand.class).command());
        for (String trailing : List.of(" x", "{}", "]", " {\"v\":2}", "1")) {
            assertThrows(
                    ProtocolException.class, () -> RelayJson.read(command + trailing, RelayCommand.class), trailing);
        }
        assertThrows(Exception.class, () -> RelayJson.mapper().readTree(command + " garbage"));
        // A number, a boolean or a fraction where the record declares text, a boolean or an integer.
        String query = "{\"kind\":\"album\",\"name\":%s,\"max_tracks\":%s,\"exact\":%s,\"explicit_allowed\":true}";
        assertEquals(
                "42",
                RelayJson.read(query.formatted("\"42\"", "10", "false"), ContentQuery.class)
                        .name());
        for (String bad : List.of(
                query.formatted("42", "10", "false"),
                query.formatted("true", "10", "false"),
                query.formatted("4.2", "10", "false"),
                query.formatted("\"x\"", "\"10\"", "false"),
                query.formatted("\"x\"", "10.5", "false"),
                query.formatted("\"x\"", "10", "0"),
                query.formatted("\"x\"", "10", "\"true\""),
                query.formatted("[\"x\"]", "10", "false"))) {
            assertThrows(ProtocolException.class, () -> RelayJson.read(bad, ContentQuery.class), bad);
        }
        assertThrows(
                ProtocolException.class, () -> RelayJson.read("{\"kind\":3,\"max_tracks\":1}", ContentQuery.class));
    }

    @Test
    void sqsTextIsExactlyTheSetSqsAccepts() {
        assertTrue(SqsText.allowed("Sigur Rós 日本 \uD83C\uDFB5 \t\n\r \uE000 \uFFFD"));
        for (String bad : List.of(
                "\uFFFE", "\uFFFF", "\uD800", "x\uDC00", "\uDFFF\uD800", "\u0000", "\u0008", "\u000B", "\u001F")) {
            assertFalse(SqsText.allowed(bad), bad);
        }
    }

    @Test
    void gzipRefusesToInflateBeyondItsBound() {
        String big = "x".repeat(100_000);
        byte[] packed = Gzip.compress(big);
        assertTrue(packed.length < 1_000);
        assertEquals(big, Gzip.decompress(packed, 100_000));
        assertThrows(ProtocolException.class, () -> Gzip.decompress(packed, 99_999));
        assertThrows(ProtocolException.class, () -> Gzip.decompress(new byte[] {1, 2, 3}, 10));
    }

    @Test
    void secretsDoNotAppearInToString() {
        assertFalse(new HomeRegistration("home-x", "very-secret").toString().contains("very-secret"));
    }

    @Test
    void commandsKnowTheirWireNames() {
        assertEquals(
                RelayProtocol.Command.STREAM_SIGN,
                RelayProtocol.Command.byWireName("stream.sign").orElseThrow());
        assertTrue(RelayProtocol.Command.byWireName("rm -rf").isEmpty());
        assertTrue(RelayProtocol.INSTANCE_ID
                .matcher("home-0123456789abcdefghjkmnpqrs")
                .matches());
        assertEquals(List.of(), new ResolvedContent(ContentKind.RADIO, "x", null, null, null, true, null).tracks());
    }
}
