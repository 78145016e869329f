package io.musicassistant.alexa.relay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentIdTest {

    static ResolvedContent content(ContentKind kind, String name, String artist) {
        return new ResolvedContent(kind, name, artist, null, "library://x/1", false, List.of());
    }

    @Test
    void theSameNamesGiveTheSameIdForEveryHome() {
        assertEquals(
                "ma1:album:ok-computer:radiohead",
                ContentId.of(content(ContentKind.ALBUM, "OK Computer", "Radiohead"))
                        .encode());
        assertEquals(
                "ma1:album:ok-computer:radiohead",
                ContentId.of(content(ContentKind.ALBUM, "ok computer", "RADIOHEAD"))
                        .encode());
        assertEquals(
                "ma1:artist:sigur-ros",
                ContentId.of(content(ContentKind.ARTIST, "Sigur Rós", "ignored"))
                        .encode());
        assertEquals(
                "ma1:library",
                ContentId.of(content(ContentKind.LIBRARY, "Music Assistant library", null))
                        .encode());
    }

    @Test
    void nonLatinNamesArePercentEncodedAndRoundTrip() {
        ContentId id = ContentId.of(content(ContentKind.ARTIST, "坂本龍一", null));
        String encoded = id.encode();
        assertTrue(encoded.matches("[a-z0-9:%A-F\\-]+"), encoded);
        assertEquals(id, ContentId.parse(encoded).orElseThrow());
    }

    @Test
    void longNamesAreCutMarkedAndStillParse() {
        ContentId id = ContentId.of(content(ContentKind.PLAYLIST, "a".repeat(500), null));
        assertEquals("a".repeat(ContentId.MAX_KEY_LENGTH - 1) + "*", id.name());
        assertEquals(id, ContentId.parse(id.encode()).orElseThrow());
        assertTrue(io.musicassistant.alexa.relay.protocol.Names.matchesKey("a".repeat(500), id.name()));
    }

    @Test
    void longNonLatinNamesStayShortEnoughToComeBack() {
        ContentId id = ContentId.of(content(ContentKind.ALBUM, "坂本龍一".repeat(40), "坂本龍一".repeat(40)));
        String encoded = id.encode();
        assertTrue(encoded.length() <= 4 + 6 + 2 * (ContentId.MAX_KEY_LENGTH + 1), encoded.length() + " chars");
        assertEquals(id, ContentId.parse(encoded).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1021012f-12bb-4938-9723-067a4338b6d0",
                "ma1:",
                "ma1:podcast:x",
                "ma1:album:",
                "ma1:album:a:b:c",
                "ma1:album:UPPER",
                "ma1:album:%zz",
                "ma1:album:%4",
                "ma1:library:extra",
                "ma2:album:x",
                "ma1:any:radiohead",
                "ma1:album:*",
                "ma1:album:ok*computer",
                "ma1:album:ok-computer:*",
                "ma1:album:%EF%BF%BF",
                "ma1:album:x%EF%BF%BE",
                "ma1:artist:%01",
                "ma1:artist:a%20b",
                "ma1:artist:%ED%A0%80",
                "ma1:artist:%FF"
            })
    void foreignOrBrokenIdsDoNotParse(String id) {
        assertTrue(ContentId.parse(id).isEmpty(), id);
    }

    @Test
    void idsWithKeysLongerThanAnyWeIssueDoNotParseSoEveryParsedIdMakesAValidQuery() {
        assertTrue(ContentId.MAX_KEY_LENGTH <= ContentQuery.MAX_TEXT_LENGTH);
        String longest =
                ContentId.of(ContentKind.PLAYLIST, "坂本龍一".repeat(40), null).encode();
        assertTrue(longest.length() <= ContentId.MAX_ID_LENGTH, longest.length() + " chars");
        for (String id : new String[] {
            "ma1:playlist:" + "a".repeat(300),
            "ma1:album:x:" + "b".repeat(ContentId.MAX_KEY_LENGTH + 1),
            "ma1:track:" + "%C3%A9".repeat(40),
            "ma1:artist:" + "a".repeat(ContentId.MAX_KEY_LENGTH + 1) + "*"
        }) {
            assertTrue(ContentId.parse(id).isEmpty(), id);
        }
        ContentId widest = ContentId.parse("ma1:album:" + "a".repeat(ContentId.MAX_KEY_LENGTH) + ":"
                        + "b".repeat(ContentId.MAX_KEY_LENGTH))
                .orElseThrow();
        new ContentQuery(widest.kind(), widest.name(), widest.artist(), true, 1, true);
    }
}
