package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogType;
import io.musicassistant.alexa.dev.CatalogValidator;
import io.musicassistant.alexa.local.catalog.SnapshotFiles;
import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voice catalogs end to end on the real local stack: the real connector exports the MA
 * simulator's library through the relay API into Moto's S3, the build merges it (with a second,
 * made-up home's snapshot) on DuckDB and uploads it to the SMAPI stand-in, and requests that carry
 * only an {@code entityId} taken from the catalog as built are answered for the demo user.
 */
class CatalogEndToEndTest {

    static final String OTHER_HOME = "home-zzzzzzzzzzzzzzzzzzzzzzzzzz";
    static LocalStack stack;
    static SkillClient skill;
    static BuildReport report;

    @BeforeAll
    static void start(@TempDir Path catalogs) throws Exception {
        stack = LocalStack.start(LocalStack.Ports.ephemeral(), catalogs, message -> {});
        skill = new SkillClient(stack.alexaUrl());
        stack.awaitSnapshotAfter(null, Duration.ofSeconds(60));
        // Another household holds an album the demo user's library lacks.
        Path other = Files.createTempDirectory("other-home");
        SnapshotFiles.write(
                other,
                OTHER_HOME,
                List.of(new SnapshotEntity(
                        ContentKind.ALBUM,
                        ContentId.of(ContentKind.ALBUM, "Songs Nobody Here Has", "Unknown Band")
                                .encode(),
                        "Songs Nobody Here Has",
                        List.of(),
                        null,
                        "Unknown Band",
                        null,
                        null,
                        false,
                        0,
                        null)));
        try (var s3 = stack.buckets().client()) {
            s3.putObject(
                    b -> b.bucket(stack.buckets().names().name(Buckets.CATALOG)).key(CatalogSnapshot.key(OTHER_HOME)),
                    SnapshotFiles.path(other, OTHER_HOME));
        }
        report = stack.buildCatalogs(false, message -> {});
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everyDocumentTheStackUploadedPassesAmazonsFormat() throws Exception {
        assertEquals(2, report.homes());
        for (BuildReport.TypeResult type : report.types()) {
            assertTrue(
                    List.of(BuildReport.ACCEPTED, BuildReport.NOTHING_TO_SEND).contains(type.outcome()),
                    type.type() + " " + type.outcome() + " " + type.errors());
        }
        List<Path> documents;
        try (Stream<Path> files = Files.walk(stack.smapi().storeDir())) {
            documents = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertFalse(documents.isEmpty());
        assertTrue(documents.stream().noneMatch(p -> p.toString().contains("rejected")), documents.toString());
        for (Path document : documents) {
            JsonNode json = new ObjectMapper().readTree(document.toFile());
            CatalogValidator.Result result =
                    CatalogValidator.validate(json, json.path("type").asText());
            assertTrue(result.valid(), document + ": " + result.violations());
        }
    }

    @Test
    void aNameFromTheBuiltCatalogPlaysByItsEntityIdAlone() {
        for (CatalogType type : List.of(CatalogType.ALBUMS, CatalogType.TRACKS, CatalogType.ARTISTS)) {
            String id = entityNamed(
                    type,
                    switch (type) {
                        case ALBUMS -> "OK Computer";
                        case TRACKS -> "Karma Police";
                        default -> "Radiohead";
                    });
            JsonNode found =
                    skill.send(AlexaRequests.getPlayableContentByEntity(LocalStack.DEMO_TOKEN, attribute(type), id));
            assertEquals(
                    "GetPlayableContent.Response",
                    found.path("header").path("name").asText(),
                    found.toString());
            assertEquals(
                    id,
                    found.path("payload").path("content").path("id").asText(),
                    type + " plays the catalog's entity");
        }
    }

    @Test
    void anEntityFromAnotherHouseholdIsNotFoundInThisUsersLibrary() {
        String id = entityNamed(CatalogType.ALBUMS, "Songs Nobody Here Has");
        JsonNode answer = skill.send(AlexaRequests.getPlayableContentByEntity(LocalStack.DEMO_TOKEN, "ALBUM", id));
        assertEquals("CONTENT_NOT_FOUND", answer.path("payload").path("type").asText(), answer.toString());
    }

    /** The id the catalog, as uploaded, holds for this name: taken from the stand-in, never written here. */
    static String entityNamed(CatalogType type, String name) {
        String catalog = report.type(type).catalogId();
        for (Map.Entry<String, JsonNode> entity :
                stack.smapi().entities(catalog).entrySet()) {
            if (name.equals(
                    entity.getValue().path("names").path(0).path("value").asText())) {
                return entity.getKey();
            }
        }
        throw new AssertionError("no " + type + " named " + name + " in the built catalog");
    }

    static String attribute(CatalogType type) {
        return switch (type) {
            case ARTISTS -> "ARTIST";
            case ALBUMS -> "ALBUM";
            case TRACKS -> "TRACK";
            case PLAYLISTS -> "PLAYLIST";
            case GENRES -> "GENRE";
            case STATIONS -> "STATION";
        };
    }
}
