package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Catalog documents for tests, built the way Amazon's examples look (shared/reference/alexa-catalogs.md,
 * "Examples"): one locale, US English, names in English.
 */
final class CatalogDocs {

    static final String T = "2026-11-20T09:30:00.000Z";
    static final String GROUP = "AMAZON.MusicGroup";
    static final String ALBUM = "AMAZON.MusicAlbum";
    static final String RECORDING = "AMAZON.MusicRecording";
    static final String PLAYLIST = "AMAZON.MusicPlaylist";
    static final String GENRE = "AMAZON.Genre";
    static final String STATION = "AMAZON.BroadcastChannel";

    private CatalogDocs() {}

    static ObjectNode document(String type, JsonNode... entities) {
        ObjectNode doc = SmallHttp.JSON.createObjectNode();
        doc.put("type", type);
        doc.put("version", 2.0);
        doc.putArray("locales").add(locale("US", "en"));
        ArrayNode list = doc.putArray("entities");
        for (JsonNode entity : entities) {
            list.add(entity);
        }
        return doc;
    }

    static ObjectNode locale(String country, String language) {
        return SmallHttp.JSON.createObjectNode().put("country", country).put("language", language);
    }

    static ArrayNode names(String value) {
        ArrayNode names = SmallHttp.JSON.createArrayNode();
        names.addObject().put("language", "en").put("value", value);
        return names;
    }

    static ObjectNode popularity(int value) {
        return SmallHttp.JSON.createObjectNode().put("default", value);
    }

    private static ObjectNode base(String id, String name, int popularity, String time) {
        ObjectNode entity = SmallHttp.JSON.createObjectNode();
        entity.put("id", id);
        entity.set("names", names(name));
        entity.set("popularity", popularity(popularity));
        entity.put("lastUpdatedTime", time);
        return entity;
    }

    static ObjectNode artist(String id, String name) {
        return artist(id, name, T);
    }

    static ObjectNode artist(String id, String name, String time) {
        ObjectNode artist = base(id, name, 80, time);
        artist.putArray("alternateNames")
                .addObject()
                .put("language", "en")
                .putArray("values")
                .add(name + " band");
        return artist;
    }

    static ObjectNode ref(String id, String name) {
        ObjectNode ref = SmallHttp.JSON.createObjectNode().put("id", id);
        ref.set("names", names(name));
        return ref;
    }

    static ObjectNode album(String id, String name, String artistId) {
        ObjectNode album = base(id, name, 70, T);
        album.put("releaseType", "Studio Album");
        album.putArray("artists").add(ref(artistId, "artist"));
        return album;
    }

    static ObjectNode track(String id, String name, String artistId, String albumId) {
        ObjectNode track = base(id, name, 60, T);
        track.putArray("artists").add(ref(artistId, "artist"));
        track.putArray("albums").add(ref(albumId, "album").put("releaseType", "Studio Album"));
        ObjectNode override =
                ((ObjectNode) track.get("popularity")).putArray("overrides").addObject();
        override.set("locale", locale("US", "en"));
        override.put("value", 90);
        return track;
    }

    static ObjectNode playlist(String id, String name) {
        return base(id, name, 50, T);
    }

    static ObjectNode genre(String id, String name) {
        return base(id, name, 40, T);
    }

    static ObjectNode station(String id, String name) {
        ObjectNode station = base(id, name, 30, T);
        station.put("callSign", "KXYZ")
                .put("frequency", "101.1")
                .put("channelId", 7)
                .put("ownedAndOperated", "Yes");
        station.putArray("languageOfContent").add("en");
        return station;
    }

    static ObjectNode tombstone(String id, String time) {
        return SmallHttp.JSON
                .createObjectNode()
                .put("id", id)
                .put("lastUpdatedTime", time)
                .put("deleted", true);
    }

    static byte[] bytes(JsonNode doc) {
        try {
            return SmallHttp.JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
