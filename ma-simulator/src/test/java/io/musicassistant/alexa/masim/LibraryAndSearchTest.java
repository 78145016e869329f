package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.WsTestClient.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.Names;
import io.musicassistant.alexa.masim.library.Track;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the music commands and model shapes of the stable profile (spec §3.1–§3.4, §4). */
class LibraryAndSearchTest {

    private static MaSimulator ma;
    private static WsTestClient client;

    @BeforeAll
    static void start() {
        ma = MaSimulator.start(MaSimulator.Options.defaults());
        client = WsTestClient.authenticated(ma, ma.userToken());
    }

    @AfterAll
    static void stop() {
        client.close();
        ma.close();
    }

    @Test
    void seedLibraryIsDeterministicAndRealistic() {
        Library library = ma.library();
        assertTrue(library.artists().size() >= 25 && library.albums().size() >= 50);
        assertTrue(library.trackCount() >= 500, "tracks: " + library.trackCount());
        assertEquals(2, library.artistsNamed("Nirvana").size());
        assertEquals("beatles, the", library.artistNamed("The Beatles").sortName());
        assertEquals("roeyksopp", library.artistNamed("Röyksopp").sortName());
        assertEquals("sigurros", Names.safe("Sigur Rós", true));
        // the same seed gives the same ids every run
        assertEquals(
                Library.seed().trackNamed("Bohemian Rhapsody").itemId(),
                library.trackNamed("Bohemian Rhapsody").itemId());
    }

    @Test
    void searchPutsTheExactNameMatchFirst() {
        JsonNode result = client.call("music/search", args("search_query", "time", "media_types", List.of("track")))
                .path("result");
        JsonNode tracks = result.path("tracks");
        assertEquals("Time", tracks.get(0).path("name").asText(), tracks.toString());
        assertTrue(names(tracks).contains("One More Time"));
        assertTrue(names(tracks).indexOf("One More Time") > 0);
        assertEquals(0, result.path("artists").size(), "only the requested media types are searched");
        assertEquals(
                List.of("artists", "albums", "genres", "tracks", "playlists", "radio", "audiobooks", "podcasts"),
                ProtocolConformanceTest.fieldNames(result));
    }

    @Test
    void artistSearchIgnoresCaseDiacriticsAndPunctuation() {
        assertEquals(List.of("Sigur Rós"), names(searchArtists("sigur ros")));
        assertEquals(List.of("Beyoncé"), names(searchArtists("BEYONCE")));
        assertEquals(List.of("AC/DC"), names(searchArtists("ac/dc")));
        assertEquals(List.of("Nirvana", "Nirvana"), names(searchArtists("nirvana")));
        assertEquals(List.of("坂本龍一"), names(searchArtists("坂本")));
        assertTrue(names(searchArtists("simon")).containsAll(List.of("Simon & Garfunkel", "Paul Simon")));
    }

    @Test
    void libraryItemsWithRandomOrderReturnLimitItems() {
        JsonNode first = client.call("music/tracks/library_items", args("order_by", "random", "limit", 7))
                .path("result");
        assertEquals(7, first.size());
        Set<String> ids = new HashSet<>();
        first.forEach(t -> ids.add(t.path("item_id").asText()));
        assertEquals(7, ids.size(), "a random sample has no repeats");
        JsonNode second = client.call("music/tracks/library_items", args("order_by", "random", "limit", 7))
                .path("result");
        assertEquals(7, second.size());
    }

    @Test
    void libraryItemsFilterSortAndPage() {
        JsonNode favorites = client.call("music/artists/library_items", args("favorite", true))
                .path("result");
        assertTrue(favorites.size() > 0);
        favorites.forEach(a -> assertTrue(a.path("favorite").asBoolean()));
        JsonNode sorted = client.call("music/albums/library_items", args("order_by", "year_desc", "limit", 3))
                .path("result");
        assertTrue(
                sorted.get(0).path("year").asInt() >= sorted.get(1).path("year").asInt());
        JsonNode page = client.call("music/artists/library_items", args("limit", 2, "offset", 1))
                .path("result");
        JsonNode all = client.call("music/artists/library_items", args()).path("result");
        assertEquals(all.get(1).path("item_id"), page.get(0).path("item_id"));
        assertEquals(ma.library().artists().size(), all.size());
        JsonNode unknownOrder = client.call("music/artists/library_items", args("order_by", "shoe_size"))
                .path("result");
        assertEquals("1", unknownOrder.get(0).path("item_id").asText(), "unknown order_by leaves the rows unsorted");
        String rock = ma.library().genreNamed("Rock").itemId();
        JsonNode rockAlbums = client.call("music/albums/library_items", args("genre", Integer.parseInt(rock)))
                .path("result");
        assertTrue(
                names(rockAlbums).contains("Abbey Road") && !names(rockAlbums).contains("Kind of Blue"));
        JsonNode badColumn = client.call("music/artists/library_items", args("order_by", "year"));
        assertEquals(999, badColumn.path("error_code").asInt());
        JsonNode genres = client.call("music/genres/library_items", args()).path("result");
        assertFalse(names(genres).contains("Classical"), "hide_empty drops genres without media");
    }

    @Test
    void fullItemsCarryEveryModelKey() {
        String trackId = ma.library().trackNamed("Bohemian Rhapsody").itemId();
        JsonNode track = client.call(
                        "music/tracks/get", args("item_id", trackId, "provider_instance_id_or_domain", "library"))
                .path("result");
        assertEquals(
                List.of(
                        "item_id",
                        "provider",
                        "name",
                        "version",
                        "sort_name",
                        "uri",
                        "external_ids",
                        "is_playable",
                        "translation_key",
                        "media_type",
                        "provider_mappings",
                        "metadata",
                        "favorite",
                        "position",
                        "date_added",
                        "duration",
                        "artists",
                        "last_played",
                        "album",
                        "disc_number",
                        "track_number"),
                ProtocolConformanceTest.fieldNames(track));
        assertEquals("isrc", track.path("external_ids").get(0).get(0).asText());
        JsonNode image = track.path("metadata").path("images").get(0);
        assertTrue(image.has("proxy_id") && image.path("proxy_id").isNull(), "stable: no proxy_id for public images");
        assertFalse(track.path("album").has("provider_mappings"), "album is an ItemMapping");
        JsonNode radio = client.call(
                        "music/radios/get", args("item_id", "1", "provider_instance_id_or_domain", "library"))
                .path("result");
        assertEquals(0, radio.path("duration").asInt());
        assertTrue(radio.path("duration").isInt());
        String localAlbum = ma.library().albumNamed("Ágætis byrjun").itemId();
        JsonNode album = client.call(
                        "music/albums/get", args("item_id", localAlbum, "provider_instance_id_or_domain", "library"))
                .path("result");
        JsonNode localImage = album.path("metadata").path("images").get(0);
        assertFalse(localImage.path("remotely_accessible").asBoolean());
        assertEquals(64, localImage.path("proxy_id").asText().length());
    }

    @Test
    void itemLookupsByUriAndProviderId() {
        Track track = ma.library().trackNamed("Karma Police");
        JsonNode byUri =
                client.call("music/item_by_uri", args("uri", track.uri())).path("result");
        assertEquals("Karma Police", byUri.path("name").asText());
        String spotifyId = track.providerMappings().get(0).itemId();
        JsonNode byProvider = client.call("music/item_by_uri", args("uri", "spotify--Xk3pQ9aZ://track/" + spotifyId))
                .path("result");
        assertEquals(track.itemId(), byProvider.path("item_id").asText());
        JsonNode bad = client.call("music/item_by_uri", args("uri", "nonsense"));
        assertEquals(14, bad.path("error_code").asInt());
        assertEquals(
                "Not a valid Music Assistant uri: nonsense", bad.path("details").asText());
        JsonNode missing = client.call("music/item_by_uri", args("uri", "library://album/99999"));
        assertEquals(2, missing.path("error_code").asInt());
        assertEquals(
                "album not found in library: 99999", missing.path("details").asText());
    }

    @Test
    void subListingsFollowTheLibrary() {
        String albumId = ma.library().albumNamed("Bitches Brew").itemId();
        JsonNode tracks = client.call(
                        "music/albums/album_tracks",
                        args("item_id", albumId, "provider_instance_id_or_domain", "library"))
                .path("result");
        assertEquals(6, tracks.size());
        assertEquals(2, tracks.get(2).path("disc_number").asInt());
        assertEquals(1, tracks.get(2).path("track_number").asInt());
        String daftPunk = ma.library().artistNamed("Daft Punk").itemId();
        JsonNode albums = client.call(
                        "music/artists/artist_albums",
                        args("item_id", daftPunk, "provider_instance_id_or_domain", "library"))
                .path("result");
        assertEquals(3, albums.size());
        String pharrell = ma.library().artistNamed("Pharrell Williams").itemId();
        JsonNode featured = client.call(
                        "music/artists/artist_tracks",
                        args("item_id", pharrell, "provider_instance_id_or_domain", "library"))
                .path("result");
        assertTrue(names(featured).containsAll(List.of("Get Lucky", "Happy")));
        JsonNode recent =
                client.call("music/recently_played_items", args("limit", 3)).path("result");
        assertEquals(3, recent.size());
        assertFalse(recent.get(0).has("provider_mappings"), "recently played items are ItemMappings");
    }

    private static JsonNode searchArtists(String query) {
        return client.call("music/search", args("search_query", query, "media_types", List.of("artist")))
                .path("result")
                .path("artists");
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @Test
    void countsMatchTheLibrary() {
        assertEquals(
                ma.library().trackCount(),
                client.call("music/tracks/count", null).path("result").asInt());
        int favorites =
                (int) ma.library().albums().stream().filter(a -> a.favorite()).count();
        assertNotEquals(0, favorites);
        assertEquals(
                favorites,
                client.call("music/albums/count", args("favorite_only", true))
                        .path("result")
                        .asInt());
    }
}
