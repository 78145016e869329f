package io.musicassistant.alexa.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SelectionCriteriaTest {

    static ContentQuery query(String attributes) {
        JsonNode payload = AlexaJson.parse(
                ("{\"selectionCriteria\":{\"attributes\":" + attributes + "}}").getBytes(StandardCharsets.UTF_8));
        return SelectionCriteria.toQuery(payload, true);
    }

    @Test
    void theMostSpecificKindWinsAndTheArtistNarrowsIt() {
        ContentQuery q =
                query("[{\"type\":\"ARTIST\",\"value\":\"Radiohead\"},{\"type\":\"TRACK\",\"value\":\"Creep\"},"
                        + "{\"type\":\"MEDIA_TYPE\",\"value\":\"TRACK\"}]");
        assertEquals(ContentKind.TRACK, q.kind());
        assertEquals("Creep", q.name());
        assertEquals("Radiohead", q.artist());
        assertFalse(q.exact());
    }

    @Test
    void ourCatalogIdsResolveExactly() {
        ContentQuery q = query("[{\"type\":\"ALBUM\",\"entityId\":\"ma1:album:ok-computer:radiohead\"}]");
        assertTrue(q.exact());
        assertEquals("ok-computer", q.name());
        assertEquals("radiohead", q.artist());
    }

    @Test
    void onlyAMediaTypeOrNothingMeansTheLibrary() {
        assertEquals(
                ContentKind.LIBRARY,
                query("[{\"type\":\"MEDIA_TYPE\",\"value\":\"TRACK\"}]").kind());
        assertEquals(ContentKind.LIBRARY, query("[]").kind());
        assertNull(query("[]").name());
        assertEquals(
                ContentKind.RADIO,
                query("[{\"type\":\"STATION\",\"value\":\"Radio Paradise\"}]").kind());
    }

    @Test
    void foreignEntityIdsWithoutAValueAreNotFound() {
        AlexaException e =
                assertThrows(AlexaException.class, () -> query("[{\"type\":\"ARTIST\",\"entityId\":\"A2\"}]"));
        assertEquals("CONTENT_NOT_FOUND", e.error().type());
        assertThrows(AlexaException.class, () -> query("{\"type\":\"ARTIST\"}"));
    }
}
