package io.musicassistant.alexa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one catalog type sends Amazon from build to build: only differences, deletions once, Amazon's shapes. */
class CatalogChangesTest {

    static final List<CatalogLocale> LOCALES = CatalogLocale.parse("en-GB,de-DE");
    static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-12-03T10:00:00Z");

    static MergedEntity album(String id, String name, double score) {
        return new MergedEntity(
                ContentKind.ALBUM,
                id,
                name,
                List.of("okay computer"),
                "ma1:artist:radiohead",
                "Radiohead",
                null,
                null,
                3,
                1,
                10,
                1,
                score,
                1);
    }

    record Build(JsonNode document, Ledger ledger, CatalogChanges changes) {}

    static Build build(CatalogType type, Ledger ledger, Instant now, List<MergedEntity> merged) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Ledger working = ledger.copy();
        CatalogDocument document = new CatalogDocument(out, type, LOCALES);
        CatalogChanges changes = new CatalogChanges(type, working, now, document);
        merged.forEach(changes::accept);
        changes.finish();
        document.close();
        return new Build(new ObjectMapper().readTree(out.toByteArray()), working, changes);
    }

    @Test
    void aFirstBuildSendsEverythingInAmazonsShape() throws Exception {
        Build first = build(
                CatalogType.ALBUMS,
                Ledger.empty(),
                T1,
                List.of(
                        album("ma1:album:ok-computer:radiohead", "OK Computer", 400),
                        album("ma1:album:kid-a:radiohead", "Kid A", 100)));
        JsonNode doc = first.document();
        assertEquals("AMAZON.MusicAlbum", doc.path("type").asText());
        assertEquals(2.0, doc.path("version").asDouble());
        assertTrue(doc.path("version").isNumber());
        assertEquals(
                "[{\"country\":\"GB\",\"language\":\"en\"},{\"country\":\"DE\",\"language\":\"de\"}]",
                doc.path("locales").toString());
        JsonNode ok = doc.path("entities").get(0);
        assertEquals("ma1:album:ok-computer:radiohead", ok.path("id").asText());
        assertEquals(
                "[{\"language\":\"en\",\"value\":\"OK Computer\"},{\"language\":\"de\",\"value\":\"OK Computer\"}]",
                ok.path("names").toString(),
                "a proper name, once per language of the locales");
        assertEquals(
                "okay computer",
                ok.path("alternateNames").get(0).path("values").get(0).asText());
        assertEquals(100, ok.path("popularity").path("default").asInt(), "the best of its type");
        assertEquals("2026-12-01T10:00:00.000Z", ok.path("lastUpdatedTime").asText());
        assertEquals(
                "ma1:artist:radiohead", ok.path("artists").get(0).path("id").asText());
        assertEquals(
                "Radiohead",
                ok.path("artists").get(0).path("names").get(0).path("value").asText());
        assertTrue(ok.path("deleted").isMissingNode(), "Amazon refuses \"deleted\": false");
        int kidA =
                doc.path("entities").get(1).path("popularity").path("default").asInt();
        assertTrue(kidA >= 10 && kidA < 100 && kidA % 10 == 0, "popularity in steps of ten: " + kidA);
        assertEquals(2, first.changes().added());
        assertEquals(2, first.ledger().everUploaded());
    }

    @Test
    void laterBuildsSendOnlyWhatChangedAndEachDeletionOnce() throws Exception {
        MergedEntity ok = album("ma1:album:ok-computer:radiohead", "OK Computer", 400);
        MergedEntity kidA = album("ma1:album:kid-a:radiohead", "Kid A", 100);
        Build first = build(CatalogType.ALBUMS, Ledger.empty(), T1, List.of(ok, kidA));

        Build same = build(CatalogType.ALBUMS, first.ledger(), T2, List.of(ok, kidA));
        assertEquals(0, same.document().path("entities").size(), "nothing changed, nothing sent");
        assertFalse(same.changes().any());

        MergedEntity renamed = album("ma1:album:ok-computer:radiohead", "OK Computer OKNOTOK", 400);
        Build second = build(CatalogType.ALBUMS, first.ledger(), T2, List.of(renamed));
        JsonNode entities = second.document().path("entities");
        assertEquals(2, entities.size());
        assertEquals(
                "OK Computer OKNOTOK",
                entities.get(0).path("names").get(0).path("value").asText());
        assertEquals(
                "2026-12-02T10:00:00.000Z",
                entities.get(0).path("lastUpdatedTime").asText());
        JsonNode tombstone = entities.get(1);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = tombstone.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        assertEquals(List.of("id", "lastUpdatedTime", "deleted"), fields, "Amazon's tombstone, exactly");
        assertEquals("ma1:album:kid-a:radiohead", tombstone.path("id").asText());
        assertTrue(tombstone.path("deleted").asBoolean());
        assertEquals(1, second.changes().changed());
        assertEquals(1, second.changes().deleted());

        Build third = build(CatalogType.ALBUMS, second.ledger(), T3, List.of(renamed));
        assertEquals(0, third.document().path("entities").size(), "a deletion is sent once");

        Build back = build(CatalogType.ALBUMS, third.ledger(), T3, List.of(renamed, kidA));
        assertEquals(1, back.changes().added(), "an album that comes back is sent again");
        assertEquals(2, back.ledger().everUploaded(), "under the same id: Amazon's cumulative count does not grow");
    }

    @Test
    void popularityIsCoarseSoThatAPlayMoreSendsNothing() throws Exception {
        MergedEntity top = album("ma1:album:ok-computer:radiohead", "OK Computer", 400);
        Build first = build(
                CatalogType.ALBUMS, Ledger.empty(), T1, List.of(top, album("ma1:album:kid-a:radiohead", "Kid A", 150)));
        Build onePlayMore = build(
                CatalogType.ALBUMS, first.ledger(), T2, List.of(top, album("ma1:album:kid-a:radiohead", "Kid A", 151)));
        assertFalse(onePlayMore.changes().any());
        assertEquals(10, CatalogChanges.popularity(0, 400));
        assertEquals(100, CatalogChanges.popularity(400, 400));
        assertEquals(10, CatalogChanges.popularity(5, 0));
    }

    @Test
    void artistsCarryNoReferencesAndTracksNameTheirAlbum() throws Exception {
        MergedEntity artist = new MergedEntity(
                ContentKind.ARTIST,
                "ma1:artist:radiohead",
                "Radiohead",
                List.of(),
                null,
                null,
                null,
                null,
                1,
                0,
                0,
                0,
                100,
                1);
        JsonNode a = build(CatalogType.ARTISTS, Ledger.empty(), T1, List.of(artist))
                .document()
                .path("entities")
                .get(0);
        assertTrue(a.path("artists").isMissingNode()
                && a.path("albums").isMissingNode()
                && a.path("alternateNames").isMissingNode());
        MergedEntity track = new MergedEntity(
                ContentKind.TRACK,
                "ma1:track:creep:radiohead",
                "Creep",
                List.of(),
                "ma1:artist:radiohead",
                "Radiohead",
                "ma1:album:pablo-honey:radiohead",
                "Pablo Honey",
                1,
                0,
                0,
                0,
                100,
                1);
        JsonNode t = build(CatalogType.TRACKS, Ledger.empty(), T1, List.of(track))
                .document()
                .path("entities")
                .get(0);
        assertEquals(
                "ma1:album:pablo-honey:radiohead",
                t.path("albums").get(0).path("id").asText());
        assertEquals(
                "Pablo Honey",
                t.path("albums").get(0).path("names").get(1).path("value").asText());
        // An entity of another kind in the stream is not this catalog's business.
        Build mixed = build(CatalogType.ARTISTS, Ledger.empty(), T1, List.of(artist, track));
        assertEquals(1, mixed.document().path("entities").size());
    }

    @Test
    void theLedgerSurvivesItsOwnFormat() {
        Ledger ledger = Ledger.empty().forNewCatalog("amzn1.ask-catalog.cat.1234");
        ledger.record("ma1:artist:radiohead", new LedgerEntry("0123456789abcdef", T1.toEpochMilli(), false));
        ledger.record("ma1:artist:gone", new LedgerEntry("", T2.toEpochMilli(), true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ledger.write(out);
        Ledger back = Ledger.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("amzn1.ask-catalog.cat.1234", back.catalogId());
        assertEquals(2, back.everUploaded());
        assertEquals(1, back.live());
        assertEquals(ledger.entries(), back.entries());
    }

    @Test
    void localesComeAsAmazonWritesThem() {
        assertEquals(List.of(new CatalogLocale("US", "en")), CatalogLocale.parse("en-US"));
        assertEquals(List.of("en", "de"), CatalogLocale.languages(CatalogLocale.parse("en-GB, de-DE,en-GB")));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> CatalogLocale.parse("english"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CatalogLocale.parse(" "));
    }
}
