package io.musicassistant.alexa.dev;

import static io.musicassistant.alexa.dev.CatalogDocs.ALBUM;
import static io.musicassistant.alexa.dev.CatalogDocs.GENRE;
import static io.musicassistant.alexa.dev.CatalogDocs.GROUP;
import static io.musicassistant.alexa.dev.CatalogDocs.PLAYLIST;
import static io.musicassistant.alexa.dev.CatalogDocs.RECORDING;
import static io.musicassistant.alexa.dev.CatalogDocs.STATION;
import static io.musicassistant.alexa.dev.CatalogDocs.T;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.dev.CatalogValidator.Codes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One failing document per validation rule, shared by the direct test and the one over HTTP: the
 * catalog type, the bytes, and the code and path the violation must carry.
 */
final class CatalogCases {

    record Case(String label, String type, byte[] document, String code, String path) {

        @Override
        public String toString() {
            return label;
        }
    }

    private CatalogCases() {}

    static Stream<Arguments> failing() {
        return all().stream().map(Arguments::of);
    }

    /** Valid documents of every type, Amazon's examples (the reference's "Examples") among them. */
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(GROUP, CatalogDocs.document(GROUP, CatalogDocs.artist("artist.ma-17", "the beatles"))),
                Arguments.of(
                        ALBUM,
                        CatalogDocs.document(ALBUM, CatalogDocs.album("album.ma-301", "abbey road", "artist.ma-17"))),
                Arguments.of(
                        RECORDING,
                        CatalogDocs.document(
                                RECORDING,
                                CatalogDocs.track(
                                        "track.ma-9001", "here comes the sun", "artist.ma-17", "album.ma-301"))),
                Arguments.of(
                        PLAYLIST,
                        CatalogDocs.document(PLAYLIST, CatalogDocs.playlist("playlist.ma-5", "sunday morning"))),
                Arguments.of(GENRE, CatalogDocs.document(GENRE, CatalogDocs.genre("genre.ma-jazz", "jazz"))),
                Arguments.of(
                        STATION, CatalogDocs.document(STATION, CatalogDocs.station("station.ma-1", "k. x. y. z."))),
                Arguments.of(RECORDING, CatalogDocs.document(RECORDING, CatalogDocs.tombstone("track.ma-9002", T))),
                Arguments.of(GROUP, CatalogDocs.document(GROUP)));
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        // The document
        doc(cases, "type missing", GROUP, d -> d.remove("type"), Codes.MISSING_FIELD, "type");
        doc(cases, "type of another catalog", GROUP, d -> d.put("type", ALBUM), Codes.TYPE_MISMATCH, "type");
        doc(cases, "version missing", GROUP, d -> d.remove("version"), Codes.MISSING_FIELD, "version");
        doc(cases, "version as a string", GROUP, d -> d.put("version", "2.0"), Codes.INVALID_TYPE, "version");
        doc(cases, "version 1.0", GROUP, d -> d.put("version", 1.0), Codes.UNSUPPORTED_VERSION, "version");
        doc(cases, "locales missing", GROUP, d -> d.remove("locales"), Codes.MISSING_FIELD, "locales");
        doc(cases, "locales empty", GROUP, d -> d.putArray("locales"), Codes.EMPTY_ARRAY, "locales");
        doc(
                cases,
                "country not alpha-2",
                GROUP,
                d -> locale(d).put("country", "USA"),
                Codes.INVALID_COUNTRY,
                "locales[0].country");
        doc(
                cases,
                "country in lower case",
                GROUP,
                d -> locale(d).put("country", "us"),
                Codes.INVALID_COUNTRY,
                "locales[0].country");
        doc(
                cases,
                "language not BCP-47",
                GROUP,
                d -> locale(d).put("language", "english"),
                Codes.INVALID_LANGUAGE,
                "locales[0].language");
        doc(
                cases,
                "locale listed twice",
                GROUP,
                d -> ((ArrayNode) d.get("locales")).add(CatalogDocs.locale("US", "en")),
                Codes.DUPLICATE_LOCALE,
                "locales[1]");
        doc(cases, "unknown top-level field", GROUP, d -> d.put("catalogId", "x"), Codes.UNKNOWN_FIELD, "catalogId");
        doc(cases, "entities missing", GROUP, d -> d.remove("entities"), Codes.MISSING_FIELD, "entities");
        doc(
                cases,
                "entity not an object",
                GROUP,
                d -> ((ArrayNode) d.get("entities"))
                        .set(0, com.fasterxml.jackson.databind.node.TextNode.valueOf("artist")),
                Codes.INVALID_TYPE,
                "entities[0]");
        raw(cases, "not JSON", GROUP, "{\"type\": \"AMAZON.MusicGroup\",", Codes.INVALID_JSON, "");
        raw(
                cases,
                "a duplicate key",
                GROUP,
                "{\"type\":\"AMAZON.MusicGroup\",\"type\":\"AMAZON.MusicGroup\",\"version\":2.0,"
                        + "\"locales\":[{\"country\":\"US\",\"language\":\"en\"}],\"entities\":[]}",
                Codes.INVALID_JSON,
                "");
        raw(
                cases,
                "content after the document",
                GROUP,
                "{\"type\":\"AMAZON.MusicGroup\",\"version\":2.0,"
                        + "\"locales\":[{\"country\":\"US\",\"language\":\"en\"}],\"entities\":[]} {}",
                Codes.INVALID_JSON,
                "");
        cases.add(new Case(
                "not UTF-8",
                GROUP,
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                Codes.INVALID_ENCODING,
                ""));
        raw(cases, "an array, not an object", GROUP, "[]", Codes.INVALID_TYPE, "");
        // Every entity
        entity(cases, "id missing", e -> e.remove("id"), Codes.MISSING_FIELD, "entities[0].id");
        entity(cases, "id empty", e -> e.put("id", ""), Codes.INVALID_LENGTH, "entities[0].id");
        entity(
                cases,
                "id of 257 characters",
                e -> e.put("id", "a".repeat(257)),
                Codes.INVALID_LENGTH,
                "entities[0].id");
        entity(cases, "id a number", e -> e.put("id", 17), Codes.INVALID_TYPE, "entities[0].id");
        doc(
                cases,
                "id twice",
                GROUP,
                d -> ((ArrayNode) d.get("entities")).add(CatalogDocs.artist("artist.1", "again")),
                Codes.DUPLICATE_ID,
                "entities[1].id");
        entity(cases, "names missing", e -> e.remove("names"), Codes.MISSING_FIELD, "entities[0].names");
        entity(cases, "names empty", e -> e.putArray("names"), Codes.EMPTY_ARRAY, "entities[0].names");
        entity(
                cases,
                "name of 513 characters",
                e -> name(e).put("value", "x".repeat(513)),
                Codes.INVALID_LENGTH,
                "entities[0].names[0].value");
        entity(cases, "name empty", e -> name(e).put("value", ""), Codes.INVALID_LENGTH, "entities[0].names[0].value");
        entity(
                cases,
                "name only spaces",
                e -> name(e).put("value", "   "),
                Codes.BLANK_VALUE,
                "entities[0].names[0].value");
        entity(
                cases,
                "name language not among the locales",
                e -> name(e).put("language", "de"),
                Codes.LANGUAGE_NOT_IN_LOCALES,
                "entities[0].names[0].language");
        entity(
                cases,
                "name with an extra field",
                e -> name(e).put("phonetic", "x"),
                Codes.UNKNOWN_FIELD,
                "entities[0].names[0].phonetic");
        entity(cases, "popularity missing", e -> e.remove("popularity"), Codes.MISSING_FIELD, "entities[0].popularity");
        entity(
                cases,
                "popularity default missing",
                e -> e.putObject("popularity"),
                Codes.MISSING_FIELD,
                "entities[0].popularity.default");
        entity(
                cases,
                "popularity 101",
                e -> e.putObject("popularity").put("default", 101),
                Codes.OUT_OF_RANGE,
                "entities[0].popularity.default");
        entity(
                cases,
                "popularity -1",
                e -> e.putObject("popularity").put("default", -1),
                Codes.OUT_OF_RANGE,
                "entities[0].popularity.default");
        entity(
                cases,
                "popularity 50.5",
                e -> e.putObject("popularity").put("default", 50.5),
                Codes.INVALID_TYPE,
                "entities[0].popularity.default");
        entity(
                cases,
                "popularity override for a locale not in the document",
                e -> {
                    ObjectNode override = ((ObjectNode) e.get("popularity"))
                            .putArray("overrides")
                            .addObject();
                    override.set("locale", CatalogDocs.locale("GB", "en"));
                    override.put("value", 50);
                },
                Codes.LOCALE_NOT_IN_DOCUMENT,
                "entities[0].popularity.overrides[0].locale");
        entity(
                cases,
                "popularity override of 200",
                e -> {
                    ObjectNode override = ((ObjectNode) e.get("popularity"))
                            .putArray("overrides")
                            .addObject();
                    override.set("locale", CatalogDocs.locale("US", "en"));
                    override.put("value", 200);
                },
                Codes.OUT_OF_RANGE,
                "entities[0].popularity.overrides[0].value");
        entity(
                cases,
                "lastUpdatedTime missing",
                e -> e.remove("lastUpdatedTime"),
                Codes.MISSING_FIELD,
                "entities[0].lastUpdatedTime");
        entity(
                cases,
                "lastUpdatedTime without milliseconds",
                e -> e.put("lastUpdatedTime", "2026-11-20T09:30:00Z"),
                Codes.INVALID_TIMESTAMP,
                "entities[0].lastUpdatedTime");
        entity(
                cases,
                "lastUpdatedTime with an offset",
                e -> e.put("lastUpdatedTime", "2026-11-20T09:30:00.000+00:00"),
                Codes.INVALID_TIMESTAMP,
                "entities[0].lastUpdatedTime");
        entity(
                cases,
                "lastUpdatedTime not a date",
                e -> e.put("lastUpdatedTime", "2026-02-30T09:30:00.000Z"),
                Codes.INVALID_TIMESTAMP,
                "entities[0].lastUpdatedTime");
        entity(
                cases,
                "lastUpdatedTime in epoch millis",
                e -> e.put("lastUpdatedTime", 1_795_000_000_000L),
                Codes.INVALID_TYPE,
                "entities[0].lastUpdatedTime");
        entity(
                cases,
                "alternate name empty",
                e -> alternate(e).set(0, ""),
                Codes.INVALID_LENGTH,
                "entities[0].alternateNames[0].values[0]");
        entity(
                cases,
                "alternate name of 513 characters",
                e -> alternate(e).set(0, "y".repeat(513)),
                Codes.INVALID_LENGTH,
                "entities[0].alternateNames[0].values[0]");
        entity(
                cases,
                "alternate names without values",
                e -> alternate(e).removeAll(),
                Codes.EMPTY_ARRAY,
                "entities[0].alternateNames[0].values");
        entity(
                cases,
                "alternate names in a language not among the locales",
                e -> ((ObjectNode) e.get("alternateNames").get(0)).put("language", "fr"),
                Codes.LANGUAGE_NOT_IN_LOCALES,
                "entities[0].alternateNames[0].language");
        entity(
                cases,
                "entity locale not in the document",
                e -> e.putArray("locales").add(CatalogDocs.locale("DE", "de")),
                Codes.LOCALE_NOT_IN_DOCUMENT,
                "entities[0].locales[0]");
        entity(cases, "deleted false", e -> e.put("deleted", false), Codes.DELETED_FALSE, "entities[0].deleted");
        entity(cases, "deleted as a string", e -> e.put("deleted", "true"), Codes.INVALID_TYPE, "entities[0].deleted");
        doc(
                cases,
                "a tombstone with names",
                GROUP,
                d -> ((ArrayNode) d.get("entities"))
                        .set(0, CatalogDocs.tombstone("artist.1", T).set("names", CatalogDocs.names("gone"))),
                Codes.TOMBSTONE_FIELD,
                "entities[0].names");
        doc(
                cases,
                "a tombstone without lastUpdatedTime",
                GROUP,
                d -> ((ArrayNode) d.get("entities"))
                        .set(0, CatalogDocs.tombstone("artist.1", T).without("lastUpdatedTime")),
                Codes.MISSING_FIELD,
                "entities[0].lastUpdatedTime");
        entity(cases, "an unknown field", e -> e.put("genre", "rock"), Codes.UNKNOWN_FIELD, "entities[0].genre");
        // Fields only some types have
        entity(
                cases,
                "artists on an artist",
                e -> e.putArray("artists").add(CatalogDocs.ref("artist.2", "other")),
                Codes.UNKNOWN_FIELD,
                "entities[0].artists");
        entity(
                cases,
                "callSign on an artist",
                e -> e.put("callSign", "KXYZ"),
                Codes.UNKNOWN_FIELD,
                "entities[0].callSign");
        entity(
                cases,
                "releaseType on an artist",
                e -> e.put("releaseType", "Studio Album"),
                Codes.UNKNOWN_FIELD,
                "entities[0].releaseType");
        doc(
                cases,
                "albums on an album",
                ALBUM,
                ALBUM_DOC,
                d -> first(d).putArray("albums").add(CatalogDocs.ref("album.2", "x")),
                Codes.UNKNOWN_FIELD,
                "entities[0].albums");
        doc(
                cases,
                "releaseType of 65 characters",
                ALBUM,
                ALBUM_DOC,
                d -> first(d).put("releaseType", "r".repeat(65)),
                Codes.INVALID_LENGTH,
                "entities[0].releaseType");
        doc(
                cases,
                "an album's artist without names",
                ALBUM,
                ALBUM_DOC,
                d -> ((ObjectNode) first(d).get("artists").get(0)).remove("names"),
                Codes.MISSING_FIELD,
                "entities[0].artists[0].names");
        doc(
                cases,
                "an album's artist with a role",
                ALBUM,
                ALBUM_DOC,
                d -> ((ObjectNode) first(d).get("artists").get(0)).put("role", "main"),
                Codes.UNKNOWN_FIELD,
                "entities[0].artists[0].role");
        doc(
                cases,
                "an album's artists empty",
                ALBUM,
                ALBUM_DOC,
                d -> first(d).putArray("artists"),
                Codes.EMPTY_ARRAY,
                "entities[0].artists");
        doc(
                cases,
                "languageOfContent not BCP-47",
                ALBUM,
                ALBUM_DOC,
                d -> first(d).putArray("languageOfContent").add("en_US"),
                Codes.INVALID_LANGUAGE,
                "entities[0].languageOfContent[0]");
        doc(
                cases,
                "a track's album with an id of 257 characters",
                RECORDING,
                TRACK_DOC,
                d -> ((ObjectNode) first(d).get("albums").get(0)).put("id", "b".repeat(257)),
                Codes.INVALID_LENGTH,
                "entities[0].albums[0].id");
        doc(
                cases,
                "releaseType on a playlist",
                PLAYLIST,
                () -> CatalogDocs.document(PLAYLIST, CatalogDocs.playlist("playlist.1", "mix")),
                d -> first(d).put("releaseType", "Compilation"),
                Codes.UNKNOWN_FIELD,
                "entities[0].releaseType");
        doc(
                cases,
                "languageOfContent on a genre",
                GENRE,
                () -> CatalogDocs.document(GENRE, CatalogDocs.genre("genre.1", "jazz")),
                d -> first(d).putArray("languageOfContent").add("en"),
                Codes.UNKNOWN_FIELD,
                "entities[0].languageOfContent");
        doc(
                cases,
                "a station's \"type\" (in Amazon's 2018 example, not in its table)",
                STATION,
                STATION_DOC,
                d -> first(d).put("type", "Live"),
                Codes.UNKNOWN_FIELD,
                "entities[0].type");
        doc(
                cases,
                "channelId -1",
                STATION,
                STATION_DOC,
                d -> first(d).put("channelId", -1),
                Codes.OUT_OF_RANGE,
                "entities[0].channelId");
        doc(
                cases,
                "channelId as a string",
                STATION,
                STATION_DOC,
                d -> first(d).put("channelId", "7"),
                Codes.INVALID_TYPE,
                "entities[0].channelId");
        doc(
                cases,
                "frequency of 65 characters",
                STATION,
                STATION_DOC,
                d -> first(d).put("frequency", "1".repeat(65)),
                Codes.INVALID_LENGTH,
                "entities[0].frequency");
        doc(
                cases,
                "callSign empty",
                STATION,
                STATION_DOC,
                d -> first(d).put("callSign", ""),
                Codes.INVALID_LENGTH,
                "entities[0].callSign");
        return cases;
    }

    private interface Doc {
        ObjectNode make();
    }

    private static final Doc GROUP_DOC =
            () -> CatalogDocs.document(GROUP, CatalogDocs.artist("artist.1", "the beatles"));
    private static final Doc ALBUM_DOC =
            () -> CatalogDocs.document(ALBUM, CatalogDocs.album("album.1", "abbey road", "artist.1"));
    private static final Doc TRACK_DOC =
            () -> CatalogDocs.document(RECORDING, CatalogDocs.track("track.1", "something", "artist.1", "album.1"));
    private static final Doc STATION_DOC =
            () -> CatalogDocs.document(STATION, CatalogDocs.station("station.1", "k. x. y. z."));

    private static void doc(
            List<Case> cases, String label, String type, Consumer<ObjectNode> change, String code, String path) {
        doc(cases, label, type, GROUP_DOC, change, code, path);
    }

    private static void doc(
            List<Case> cases,
            String label,
            String type,
            Doc base,
            Consumer<ObjectNode> change,
            String code,
            String path) {
        ObjectNode doc = base.make();
        change.accept(doc);
        cases.add(new Case(label, type, CatalogDocs.bytes(doc), code, path));
    }

    private static void entity(List<Case> cases, String label, Consumer<ObjectNode> change, String code, String path) {
        doc(cases, label, GROUP, d -> change.accept(first(d)), code, path);
    }

    private static void raw(List<Case> cases, String label, String type, String text, String code, String path) {
        cases.add(new Case(label, type, text.getBytes(StandardCharsets.UTF_8), code, path));
    }

    private static ObjectNode first(ObjectNode doc) {
        return (ObjectNode) doc.get("entities").get(0);
    }

    private static ObjectNode locale(ObjectNode doc) {
        return (ObjectNode) doc.get("locales").get(0);
    }

    private static ObjectNode name(ObjectNode entity) {
        return (ObjectNode) entity.get("names").get(0);
    }

    private static ArrayNode alternate(ObjectNode entity) {
        return (ArrayNode) entity.get("alternateNames").get(0).get("values");
    }
}
