package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.WsTestClient.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.AlbumType;
import io.musicassistant.alexa.masim.library.Artist;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.NewAlbum;
import io.musicassistant.alexa.masim.library.NewAlbum.NewTrack;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Library changes as MA makes and announces them (controllers/media/base.py, albums.py,
 * artists.py, tracks.py, music.py): the Java API and the WebSocket commands emit exactly MA's
 * {@code media_item_added/updated/deleted} events and change what library_items, count and search
 * return. Every test gets a simulator of its own: the changes must not leak.
 */
class LibraryChangesTest {

    private MaSimulator ma;
    private WsTestClient user;

    @BeforeEach
    void start() {
        ma = MaSimulator.start(MaSimulator.Options.defaults());
        user = WsTestClient.authenticated(ma, ma.userToken());
    }

    @AfterEach
    void stop() {
        user.close();
        ma.close();
    }

    @Test
    void addingAnAlbumAnnouncesTheNewArtistTheAlbumAndEachTrackInMaOrder() {
        try (WsTestClient guest = WsTestClient.authenticated(ma, ma.guestToken())) {
            int artists = ma.library().artists().size();
            Album album = ma.addAlbum(new NewAlbum(
                    "Les Nuits d'Été",
                    "",
                    "Zoë Ångström & the Owls",
                    2024,
                    AlbumType.EP,
                    List.of(
                            NewTrack.of("Prélude", 95),
                            new NewTrack("Nuit Blanche", "Live", 241, true),
                            NewTrack.of("Aube", 188))));
            List<JsonNode> events = mediaEvents(user);
            assertEquals(
                    List.of(
                            "media_item_added library://artist/28",
                            "media_item_added library://album/51",
                            "media_item_added library://track/545",
                            "media_item_added library://track/546",
                            "media_item_added library://track/547"),
                    summaries(events));
            assertEquals(
                    summaries(events),
                    summaries(mediaEvents(guest)),
                    "library events reach users whose player filter hides players");
            JsonNode artist = events.get(0).path("data");
            assertEquals("Zoë Ångström & the Owls", artist.path("name").asText());
            assertEquals("artist", artist.path("media_type").asText());
            assertEquals(events.get(0).path("object_id"), artist.path("uri"));
            JsonNode albumData = events.get(1).path("data");
            assertEquals(album.itemId(), albumData.path("item_id").asText());
            assertEquals("ep", albumData.path("album_type").asText());
            assertEquals(
                    "Zoë Ångström & the Owls",
                    albumData.path("artists").get(0).path("name").asText(),
                    "the album_artists row exists when MA reads the album for its event");
            JsonNode second = events.get(3).path("data");
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
                    ProtocolConformanceTest.fieldNames(second),
                    "the full track, as to_dict gives it");
            assertEquals("Nuit Blanche", second.path("name").asText());
            assertEquals("Live", second.path("version").asText());
            assertEquals(2, second.path("track_number").asInt());
            assertEquals(album.itemId(), second.path("album").path("item_id").asText());
            assertTrue(second.path("metadata").path("explicit").asBoolean());
            assertEquals(artists + 1, ma.library().artists().size());
        }
        assertEquals(51, user.call("music/albums/count", null).path("result").asInt());
        assertEquals(547, user.call("music/tracks/count", null).path("result").asInt());
        JsonNode newest = user.call("music/albums/library_items", args("order_by", "timestamp_added_desc", "limit", 1))
                .path("result");
        assertEquals("Les Nuits d'Été", newest.get(0).path("name").asText(), "added now: the newest album");
        JsonNode found = user.call("music/search", args("search_query", "nuits dete", "media_types", List.of("album")))
                .path("result")
                .path("albums");
        assertEquals("Les Nuits d'Été", found.get(0).path("name").asText());
        JsonNode tracks = user.call(
                        "music/albums/album_tracks", args("item_id", "51", "provider_instance_id_or_domain", "library"))
                .path("result");
        assertEquals(List.of("Prélude", "Nuit Blanche", "Aube"), names(tracks));
        JsonNode byName = user.call("music/artists/library_items", args("search", "zoe angstrom"))
                .path("result");
        assertEquals(1, byName.size());
    }

    @Test
    void anAlbumOfAnArtistInTheLibraryAddsNoArtist() {
        Artist radiohead = ma.library().artistNamed("Radiohead");
        Album album = ma.addAlbum(NewAlbum.of(
                "Amnesiac", "Radiohead", 2001, NewTrack.of("Pyramid Song", 289), NewTrack.of("Knives Out", 254)));
        assertEquals(
                List.of(
                        "media_item_added library://album/51",
                        "media_item_added library://track/545",
                        "media_item_added library://track/546"),
                summaries(mediaEvents(user)));
        JsonNode albums = user.call(
                        "music/artists/artist_albums",
                        args("item_id", radiohead.itemId(), "provider_instance_id_or_domain", "library"))
                .path("result");
        assertTrue(names(albums).contains("Amnesiac"));
        assertEquals(List.of(radiohead.itemId()), album.artistIds());
        JsonNode search = user.call(
                        "music/search", args("search_query", "Radiohead - Knives Out", "media_types", List.of("track")))
                .path("result")
                .path("tracks");
        assertEquals("Knives Out", search.get(0).path("name").asText());
    }

    @Test
    void removingAnAlbumDeletesItsTracksThenTheAlbumAndKeepsTheArtist() {
        Album abbeyRoad = ma.library().albumNamed("Abbey Road");
        List<String> trackIds = abbeyRoad.trackIds();
        String herComesTheSun = ma.library().trackNamed("Here Comes the Sun").uri();
        assertTrue(recentlyPlayedUris().contains(herComesTheSun), "the seeded playlog has it");
        int roadTrip = ma.library()
                .playlistTracks(ma.library().playlistNamed("Road Trip").itemId())
                .size();

        ma.removeAlbum(abbeyRoad.itemId());

        List<JsonNode> events = mediaEvents(user);
        List<String> expected = new ArrayList<>();
        trackIds.stream()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                .forEach(id -> expected.add("media_item_deleted library://track/" + id));
        expected.add("media_item_deleted library://album/" + abbeyRoad.itemId());
        assertEquals(expected, summaries(events));
        JsonNode firstTrack = events.get(0).path("data");
        assertEquals("Come Together", firstTrack.path("name").asText());
        assertEquals(0, firstTrack.path("artists").size(), "MA deletes track_artists before reading the track");
        assertTrue(firstTrack.path("album").isNull());
        assertEquals(0, firstTrack.path("track_number").asInt());
        assertEquals(0, firstTrack.path("disc_number").asInt());
        JsonNode albumData = events.get(events.size() - 1).path("data");
        assertEquals("Abbey Road", albumData.path("name").asText());
        assertEquals("Remastered 2019", albumData.path("version").asText());
        assertEquals(0, albumData.path("artists").size(), "MA deletes album_artists before reading the album");

        assertEquals(49, user.call("music/albums/count", null).path("result").asInt());
        assertEquals(
                544 - trackIds.size(),
                user.call("music/tracks/count", null).path("result").asInt());
        JsonNode gone = user.call(
                "music/albums/get", args("item_id", abbeyRoad.itemId(), "provider_instance_id_or_domain", "library"));
        assertEquals(2, gone.path("error_code").asInt());
        assertEquals("album not found in library: 1", gone.path("details").asText());
        JsonNode search =
                user.call("music/search", args("search_query", "abbey road")).path("result");
        assertEquals(0, search.path("albums").size());
        assertEquals("The Beatles", ma.library().artistNamed("The Beatles").name(), "the artist stays");
        JsonNode beatles = user.call(
                        "music/artists/artist_albums",
                        args("item_id", "1", "provider_instance_id_or_domain", "library"))
                .path("result");
        assertFalse(names(beatles).contains("Abbey Road"));
        assertFalse(recentlyPlayedUris().contains(herComesTheSun), "MA drops the playlog rows of deleted items");
        assertEquals(
                roadTrip - 2,
                ma.library()
                        .playlistTracks(ma.library().playlistNamed("Road Trip").itemId())
                        .size(),
                "playlist entries of removed tracks are left out");
        Album again = ma.addAlbum(NewAlbum.of("Abbey Road", "The Beatles", 1969, NewTrack.of("Come Together", 260)));
        assertEquals("51", again.itemId(), "AUTOINCREMENT: a deleted id is never given again");
        assertThrows(MaError.class, () -> ma.removeAlbum("1"));
    }

    @Test
    void removingAnArtistTakesItsAlbumsAndTracksDepthFirst() {
        Library library = ma.library();
        Artist daftPunk = library.artistNamed("Daft Punk");
        List<String> expected = new ArrayList<>();
        List<Track> onOwnAlbums = new ArrayList<>();
        for (Album album : library.artistAlbums(daftPunk.itemId())) {
            library.albumTracks(album.itemId()).stream()
                    .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                    .forEach(t -> {
                        onOwnAlbums.add(t);
                        expected.add("media_item_deleted " + t.uri());
                    });
            expected.add("media_item_deleted library://album/" + album.itemId());
        }
        // then the tracks it appears on elsewhere (track_artists rows)
        library.artistTracks(daftPunk.itemId()).stream()
                .filter(t -> !onOwnAlbums.contains(t))
                .forEach(t -> expected.add("media_item_deleted " + t.uri()));
        expected.add("media_item_deleted library://artist/" + daftPunk.itemId());

        ma.removeItem(daftPunk.uri());

        assertEquals(expected, summaries(mediaEvents(user)));
        assertTrue(library.artist("23").isPresent(), "Pharrell, featured on Daft Punk's album, stays");
        assertFalse(library.tracks().stream().anyMatch(t -> t.artistIds().contains(daftPunk.itemId())));
        assertEquals(
                library.artists().size(),
                user.call("music/artists/count", null).path("result").asInt());
    }

    @Test
    void favouritesAndRenamesAnnounceTheStoredItem() {
        Track track = ma.library().trackNamed("Let Down");
        assertFalse(track.favorite());
        int favourites = user.call("music/tracks/count", args("favorite_only", true))
                .path("result")
                .asInt();

        ma.setFavorite(track.uri(), true);
        ma.setFavorite(track.uri(), true); // unchanged: MA's set_favorite returns without an event
        Artist portishead = ma.library().artistNamed("Portishead");
        ma.renameItem(portishead.uri(), "The Portishead Quartet");

        List<JsonNode> events = mediaEvents(user);
        assertEquals(
                List.of("media_item_updated " + track.uri(), "media_item_updated " + portishead.uri()),
                summaries(events));
        assertTrue(events.get(0).path("data").path("favorite").asBoolean());
        JsonNode renamed = events.get(1).path("data");
        assertEquals("The Portishead Quartet", renamed.path("name").asText());
        assertEquals("portishead quartet, the", renamed.path("sort_name").asText());

        assertEquals(
                favourites + 1,
                user.call("music/tracks/count", args("favorite_only", true))
                        .path("result")
                        .asInt());
        JsonNode favouriteTracks = user.call("music/tracks/library_items", args("favorite", true, "limit", 0))
                .path("result");
        assertTrue(names(favouriteTracks).contains("Let Down"));
        assertEquals(
                List.of("The Portishead Quartet"),
                names(user.call(
                                "music/search",
                                args("search_query", "portishead quartet", "media_types", List.of("artist")))
                        .path("result")
                        .path("artists")));
        JsonNode sorted = user.call("music/artists/library_items", args("order_by", "sort_name"))
                .path("result");
        List<String> order = names(sorted);
        assertTrue(
                order.indexOf("The Portishead Quartet") > order.indexOf("Pink Floyd")
                        && order.indexOf("The Portishead Quartet") < order.indexOf("Queen"),
                order.toString());
        JsonNode track2 = user.call(
                        "music/tracks/get",
                        args(
                                "item_id",
                                ma.library().trackNamed("Glory Box").itemId(),
                                "provider_instance_id_or_domain",
                                "library"))
                .path("result");
        assertEquals(
                "The Portishead Quartet",
                track2.path("artists").get(0).path("name").asText(),
                "tracks show their artist's stored name");
    }

    @Test
    void favouriteAndLibraryCommandsFollowMa() {
        Track track = ma.library().trackNamed("No Surprises");
        JsonNode added = user.call("music/favorites/add_item", args("item", track.uri()));
        assertTrue(added.has("result") && added.path("result").isNull(), added.toString());
        JsonNode event = user.awaitEvent("media_item_updated", track.uri());
        assertTrue(event.path("data").path("favorite").asBoolean());
        user.call("music/favorites/remove_item", args("media_type", "track", "library_item_id", track.id()));
        assertFalse(user.awaitEvent("media_item_updated", track.uri())
                .path("data")
                .path("favorite")
                .asBoolean());
        // an ItemMapping-shaped object is looked up by (media_type, item_id, provider)
        String spotifyId = track.providerMappings().get(0).itemId();
        user.call(
                "music/favorites/add_item",
                args(
                        "item",
                        java.util.Map.of(
                                "media_type",
                                "track",
                                "item_id",
                                spotifyId,
                                "provider",
                                "spotify",
                                "name",
                                "No Surprises")));
        assertTrue(user.awaitEvent("media_item_updated", track.uri())
                .path("data")
                .path("favorite")
                .asBoolean());

        Album okComputer = ma.library().albumNamed("OK Computer");
        JsonNode refused = user.call(
                "music/library/remove_item",
                args("media_type", "album", "library_item_id", okComputer.itemId(), "recursive", false));
        assertEquals(0, refused.path("error_code").asInt());
        assertEquals("Album still has tracks linked", refused.path("details").asText());
        assertEquals(50, user.call("music/albums/count", null).path("result").asInt());
        JsonNode missing =
                user.call("music/library/remove_item", args("media_type", "album", "library_item_id", 99999));
        assertEquals(2, missing.path("error_code").asInt());
        assertEquals(
                "album not found in library: 99999", missing.path("details").asText());
        JsonNode notAnId = user.call("music/library/remove_item", args("media_type", "track", "library_item_id", "x1"));
        assertEquals(999, notAnId.path("error_code").asInt());
        assertEquals(
                "invalid literal for int() with base 10: 'x1'",
                notAnId.path("details").asText());
        JsonNode noController =
                user.call("music/library/remove_item", args("media_type", "folder", "library_item_id", "1"));
        assertEquals("NotImplementedError", noController.path("details").asText());
        JsonNode noId = user.call("music/favorites/remove_item", args("media_type", "track"));
        assertEquals(
                "Value None of type <class 'NoneType'> is invalid for library_item_id, expected value of type"
                        + " str | int",
                noId.path("details").asText());

        String airbag = ma.library().trackNamed("Airbag").uri();
        user.drain();
        JsonNode removed = user.call(
                "music/library/remove_item",
                args("media_type", "track", "library_item_id", airbag.substring(airbag.lastIndexOf('/') + 1)));
        assertTrue(removed.path("result").isNull());
        assertEquals(List.of("media_item_deleted " + airbag), summaries(mediaEvents(user)));
        assertEquals(543, user.call("music/tracks/count", null).path("result").asInt());

        JsonNode readded = user.call("music/library/add_item", args("item", okComputer.uri()));
        assertEquals("OK Computer", readded.path("result").path("name").asText());
        assertEquals(
                List.of("media_item_updated " + okComputer.uri()),
                summaries(mediaEvents(user)),
                "an item already in the library is merged and announced as updated");
    }

    @Test
    void updateAndRemoveCommandsNeedAnAdminOnStable() {
        Album album = ma.library().albumNamed("Dummy");
        JsonNode update =
                args("item_id", "x", "provider", "library", "name", "Dummy (Renamed)", "provider_mappings", List.of());
        JsonNode denied = user.call("music/albums/update", args("item_id", album.itemId(), "update", update));
        assertEquals(22, denied.path("error_code").asInt());
        assertEquals("Admin access required", denied.path("details").asText());
        assertEquals(
                22,
                user.call("music/albums/remove", args("item_id", album.itemId()))
                        .path("error_code")
                        .asInt());
        try (WsTestClient admin = WsTestClient.authenticated(ma, ma.adminToken())) {
            JsonNode kept = admin.call("music/albums/update", args("item_id", album.itemId(), "update", update));
            assertEquals("Dummy", kept.path("result").path("name").asText(), "without overwrite MA keeps the name");
            JsonNode renamed = admin.call(
                    "music/albums/update", args("item_id", album.itemId(), "update", update, "overwrite", true));
            assertEquals("Dummy (Renamed)", renamed.path("result").path("name").asText());
            assertEquals(
                    List.of("media_item_updated " + album.uri(), "media_item_updated " + album.uri()),
                    summaries(mediaEvents(admin)));
            JsonNode incomplete = admin.call(
                    "music/albums/update",
                    args(
                            "item_id",
                            album.itemId(),
                            "update",
                            args("item_id", "1", "provider", "library", "name", "X")));
            assertEquals(999, incomplete.path("error_code").asInt());
            assertEquals(
                    "Field \"provider_mappings\" of type set[ProviderMapping] is missing in Album instance",
                    incomplete.path("details").asText());
            JsonNode wrongType = admin.call(
                    "music/albums/update",
                    args(
                            "item_id",
                            album.itemId(),
                            "update",
                            args("item_id", "1", "provider", "library", "name", "X", "media_type", "track")));
            assertEquals("Invalid MediaType", wrongType.path("details").asText());
            JsonNode notRecursive = admin.call("music/artists/remove", args("item_id", "2", "recursive", false));
            assertEquals(0, notRecursive.path("error_code").asInt());
            assertEquals(
                    "Artist still has albums linked",
                    notRecursive.path("details").asText());
            admin.drain();
            assertTrue(admin.call("music/albums/remove", args("item_id", album.itemId()))
                    .path("result")
                    .isNull());
            List<String> events = summaries(mediaEvents(admin));
            assertEquals("media_item_deleted " + album.uri(), events.get(events.size() - 1));
            assertEquals(1 + album.trackIds().size(), events.size());
        }
        JsonNode search =
                user.call("music/albums/library_items", args("search", "dummy")).path("result");
        assertEquals(0, search.size());
    }

    @Test
    void theNewestProfileChecksTheLibraryScopes() {
        user.close();
        ma.close();
        ma = MaSimulator.start(MaSimulator.Options.defaults().withProfile(Profile.NEWEST));
        user = WsTestClient.authenticated(ma, ma.userToken());
        String track = ma.library().trackNamed("Inertia Creeps").uri();
        try (WsTestClient guest = WsTestClient.authenticated(ma, ma.guestToken());
                WsTestClient admin = WsTestClient.authenticated(ma, ma.adminToken())) {
            JsonNode guestDenied = guest.call("music/favorites/add_item", args("item", track));
            assertEquals(22, guestDenied.path("error_code").asInt(), "guests lack library.write");
            assertTrue(user.call("music/favorites/add_item", args("item", track))
                    .path("result")
                    .isNull());
            assertEquals(
                    22,
                    user.call("music/tracks/update", args("item_id", "1", "update", args()))
                            .path("error_code")
                            .asInt(),
                    "users lack library.manage");
            JsonNode refused = admin.call(
                    "music/library/remove_item",
                    args("media_type", "artist", "library_item_id", "2", "recursive", false));
            assertEquals(
                    "Artist still has albums linked",
                    refused.path("details").asText(),
                    "MusicAssistantError has code 0 and no generic sentence");
            JsonNode missing = admin.call("music/tracks/remove", args("item_id", "99999"));
            assertEquals(
                    "The requested media item could not be found.",
                    missing.path("details").asText());
            JsonNode event = guest.awaitEvent("media_item_updated", track);
            assertTrue(event.path("data").path("favorite").asBoolean(), "the guest still sees the event");
            assertNotEquals(0, event.path("data").path("metadata").size());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The media item events received before a round trip made now, in arrival order. */
    private static List<JsonNode> mediaEvents(WsTestClient client) {
        client.call("info", null); // a barrier: the events came before its reply on this socket
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode frame : client.drain()) {
            if (frame.path("event").asText("").startsWith("media_item_")) {
                events.add(frame);
            }
        }
        return events;
    }

    private static List<String> summaries(List<JsonNode> events) {
        return events.stream()
                .map(e -> e.path("event").asText() + " " + e.path("object_id").asText())
                .toList();
    }

    private List<String> recentlyPlayedUris() {
        JsonNode recent =
                user.call("music/recently_played_items", args("limit", 50)).path("result");
        List<String> uris = new ArrayList<>();
        recent.forEach(item -> uris.add(item.path("uri").asText()));
        return uris;
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
