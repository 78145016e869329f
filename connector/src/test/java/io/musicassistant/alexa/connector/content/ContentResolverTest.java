package io.musicassistant.alexa.connector.content;

import static io.musicassistant.alexa.connector.SimulatorSupport.connectedClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.platform.CommandFailure;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.Artist;
import io.musicassistant.alexa.masim.library.Image;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.Playlist;
import io.musicassistant.alexa.masim.library.Radio;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.profile.Profile;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ContentResolver} against the simulator's seed library; expectations come from the library itself. */
class ContentResolverTest {

    static final String BASE = "https://music.home.example";
    static final byte[] KEY = new byte[32];

    static MaSimulator sim;
    static MaClient ma;
    static StreamSigner signer;
    static ContentResolver resolver;
    static Library lib;

    @BeforeAll
    static void start() {
        new SecureRandom().nextBytes(KEY);
        sim = MaSimulator.start(MaSimulator.Options.defaults());
        lib = sim.library();
        ma = connectedClient(sim);
        signer = new StreamSigner(KEY, BASE + "/", Duration.ofHours(24), Clock.systemUTC());
        resolver = new ContentResolver(ma, signer);
    }

    @AfterAll
    static void stop() {
        ma.close();
        sim.close();
    }

    static ContentQuery spoken(ContentKind kind, String name, String artist, int max) {
        return new ContentQuery(kind, name, artist, false, max, true);
    }

    static ContentQuery exact(ContentKind kind, String key, String artistKey, int max) {
        return new ContentQuery(kind, key, artistKey, true, max, true);
    }

    static List<String> uris(List<ResolvedTrack> tracks) {
        return tracks.stream().map(ResolvedTrack::uri).toList();
    }

    static List<String> libraryUris(List<? extends MediaItem> items) {
        return items.stream().map(MediaItem::uri).toList();
    }

    static String failureCode(ContentQuery query) {
        return assertThrows(CommandFailure.class, () -> resolver.resolve(query)).code();
    }

    static String expectedTitle(Track t) {
        return t.version() == null || t.version().isBlank() ? t.name() : t.name() + " (" + t.version() + ")";
    }

    /** What a signed URL names, after checking it lives on the public base under {@code kind} and verifies. */
    static String verified(String url, String kind) {
        assertNotNull(url);
        assertTrue(url.startsWith(BASE + "/" + kind), url);
        URI uri = URI.create(url);
        Map<String, String> q = Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        return signer.verify(uri.getRawPath().substring(1), q.get("exp"), q.get("sig"))
                .orElseThrow(() -> new AssertionError("does not verify: " + url));
    }

    /** Everything the cloud needs about one track, checked against the library. */
    static void assertDescribes(Track expected, ResolvedTrack got) {
        assertEquals(expected.uri(), got.uri());
        assertEquals(expectedTitle(expected), got.title());
        assertEquals(
                lib.artistsOf(expected.artistIds()).stream().map(Artist::name).toList(), got.artists());
        assertEquals(lib.album(expected.albumId()).orElseThrow().name(), got.album());
        assertEquals(expected.duration() * 1000L, got.durationMs());
        assertEquals(expected.explicit(), got.explicit());
        assertEquals(expected.uri(), verified(got.streamUrl(), "stream/v1/"));
        long now = System.currentTimeMillis();
        assertTrue(got.streamExpiresMs() >= now + StreamSigner.MIN_TTL.toMillis(), "streams live at least 12 h");
        assertTrue(got.streamExpiresMs()
                <= now + Duration.ofHours(24).plusMinutes(1).toMillis());
        assertTrue(got.streamUrl().contains("exp=" + got.streamExpiresMs() / 1000 + "&"));
    }

    @Test
    void anAlbumBySpokenNameAndArtistGivesItsTracksInAlbumOrder() {
        Album album = lib.albumNamed("OK Computer");
        List<Track> expected = lib.albumTracks(album.itemId());

        ResolvedContent got = resolver.resolve(spoken(ContentKind.ALBUM, "ok computer", "radiohead", 500));

        assertEquals(ContentKind.ALBUM, got.kind());
        assertEquals("OK Computer", got.name());
        assertEquals("Radiohead", got.artist());
        assertEquals(album.uri(), got.uri());
        assertFalse(got.live());
        assertEquals(lib.thumbOf(album).orElseThrow().path(), got.artUrl(), "public art is passed through");
        assertTrue(got.artUrl().startsWith("https://"));
        assertEquals(expected.size(), got.tracks().size());
        for (int i = 0; i < expected.size(); i++) {
            assertDescribes(expected.get(i), got.tracks().get(i));
        }
    }

    @Test
    void anExactContentIdResolvesTheSameAlbum() {
        ResolvedContent spoken = resolver.resolve(spoken(ContentKind.ALBUM, "ok computer", "radiohead", 500));
        ResolvedContent exact = resolver.resolve(exact(ContentKind.ALBUM, "ok-computer", "radiohead", 500));
        assertEquals(lib.albumNamed("OK Computer").uri(), exact.uri());
        assertEquals(uris(spoken.tracks()), uris(exact.tracks()));
        // an exact key must match the whole name: close is not enough
        assertEquals(RelayError.NOT_FOUND, failureCode(exact(ContentKind.ALBUM, "ok-comp", "radiohead", 500)));
        assertEquals(RelayError.NOT_FOUND, failureCode(exact(ContentKind.ALBUM, "ok-computer", "coldplay", 500)));
    }

    @Test
    void anArtistGivesThatArtistsTracksUpToMaxTracks() {
        Artist radiohead = lib.artistNamed("Radiohead");
        List<String> all = libraryUris(lib.artistTracks(radiohead.itemId()));
        assertTrue(all.size() > 10);

        ResolvedContent capped = resolver.resolve(spoken(ContentKind.ARTIST, "radio head", null, 10));
        assertEquals(ContentKind.ARTIST, capped.kind());
        assertEquals("Radiohead", capped.name());
        assertEquals(radiohead.uri(), capped.uri());
        assertNull(capped.artist());
        assertEquals(all.subList(0, 10), uris(capped.tracks()));
        assertTrue(capped.tracks().stream().allMatch(t -> t.artists().contains("Radiohead")));

        ResolvedContent whole = resolver.resolve(spoken(ContentKind.ARTIST, "Radiohead", null, 500));
        assertEquals(all, uris(whole.tracks()));
    }

    @Test
    void anArtistWithAnAmpersandIsFoundByItsSpokenAndItsKeyedName() {
        Artist artist = lib.artistNamed("Simon & Garfunkel");
        List<String> expected = libraryUris(lib.artistTracks(artist.itemId()));
        // MA's search drops "&", so "simon and garfunkel" is not a substring of its "simongarfunkel"
        ResolvedContent spoken = resolver.resolve(spoken(ContentKind.ARTIST, "simon and garfunkel", null, 500));
        ResolvedContent keyed = resolver.resolve(exact(ContentKind.ARTIST, "simon-and-garfunkel", null, 500));
        assertEquals(artist.uri(), spoken.uri());
        assertEquals(artist.uri(), keyed.uri());
        assertEquals(expected, uris(spoken.tracks()));
        assertEquals(expected, uris(keyed.tracks()));
        Album album = lib.albumNamed("Bridge over Troubled Water");
        assertEquals(
                album.uri(),
                resolver.resolve(exact(ContentKind.ALBUM, "bridge-over-troubled-water", "simon-and-garfunkel", 500))
                        .uri());
    }

    @Test
    void theTwoNirvanasAreNotMixed() {
        List<Artist> nirvanas = lib.artistsNamed("Nirvana");
        assertEquals(2, nirvanas.size());
        Map<String, Set<String>> tracksByArtistUri = nirvanas.stream()
                .collect(Collectors.toMap(Artist::uri, a -> new HashSet<>(libraryUris(lib.artistTracks(a.itemId())))));

        ResolvedContent byKey = resolver.resolve(exact(ContentKind.ARTIST, "nirvana", null, 500));
        Set<String> chosen = tracksByArtistUri.get(byKey.uri());
        assertNotNull(chosen, "resolved to one of the Nirvanas: " + byKey.uri());
        assertEquals(chosen, new HashSet<>(uris(byKey.tracks())), "exactly that artist's tracks, none of the other's");
        assertEquals(
                byKey.uri(),
                resolver.resolve(spoken(ContentKind.ARTIST, "nirvana", null, 500))
                        .uri(),
                "spoken and exact agree");

        // their albums tell them apart
        Album nevermind = lib.albumNamed("Nevermind");
        Album simopath = lib.albumNamed("The Story of Simon Simopath");
        assertFalse(nevermind.artistIds().equals(simopath.artistIds()));
        ResolvedContent grunge = resolver.resolve(exact(ContentKind.ALBUM, "nevermind", "nirvana", 500));
        ResolvedContent psych = resolver.resolve(spoken(ContentKind.ALBUM, "story of simon simopath", "nirvana", 500));
        assertEquals(nevermind.uri(), grunge.uri());
        assertEquals(simopath.uri(), psych.uri());
        assertEquals(libraryUris(lib.albumTracks(nevermind.itemId())), uris(grunge.tracks()));
        assertEquals(libraryUris(lib.albumTracks(simopath.itemId())), uris(psych.tracks()));
    }

    @Test
    void aLongPlaylistIsCappedAtMaxTracksWithoutDuplicates() {
        Playlist playlist = lib.playlistNamed("Everything on Shuffle");
        List<String> entries = libraryUris(lib.playlistTracks(playlist.itemId()));
        assertTrue(entries.size() > 1000 && new HashSet<>(entries).size() < entries.size(), "long, with repeats");
        List<String> expected = new LinkedHashSet<>(entries)
                .stream().limit(ContentQuery.MAX_TRACKS_LIMIT).toList();

        ResolvedContent got = resolver.resolve(spoken(ContentKind.PLAYLIST, "everything on shuffle", null, 500));

        assertEquals(ContentKind.PLAYLIST, got.kind());
        assertEquals(playlist.uri(), got.uri());
        assertEquals(500, got.tracks().size());
        assertEquals(500, new HashSet<>(uris(got.tracks())).size());
        assertEquals(expected, uris(got.tracks()));
    }

    @Test
    void spokenNumbersFindTheStationInTheQueryLanguage() {
        Radio station = lib.radioNamed("BBC Radio 2");

        assertEquals(
                station.uri(),
                resolver.resolve(spoken(ContentKind.RADIO, "bbc radio two", null, 500))
                        .uri());
        ContentQuery german =
                spoken(ContentKind.RADIO, "bbc radio zwei", null, 500).withLanguage("de-DE");
        assertEquals(station.uri(), resolver.resolve(german).uri());
        // in English "zwei" is just a word, and a near miss is no match
        assertEquals(RelayError.NOT_FOUND, failureCode(spoken(ContentKind.RADIO, "bbc radio zwei", null, 500)));
    }

    @Test
    void aRadioStationIsOneLiveTrack() {
        Radio station = lib.radioNamed("BBC Radio 2");

        ResolvedContent got = resolver.resolve(spoken(ContentKind.RADIO, "bbc radio 2", null, 500));

        assertEquals(ContentKind.RADIO, got.kind());
        assertEquals("BBC Radio 2", got.name());
        assertEquals(station.uri(), got.uri());
        assertTrue(got.live());
        assertEquals(1, got.tracks().size());
        ResolvedTrack live = got.tracks().getFirst();
        assertEquals(station.uri(), live.uri());
        assertNull(live.durationMs());
        assertEquals(station.uri(), verified(live.streamUrl(), "stream/v1/"));
        assertEquals(lib.thumbOf(station).orElseThrow().path(), live.artUrl());
    }

    @Test
    void aGenreGivesItsTracksOnTheStableServer() {
        assertEquals(31, Profile.STABLE_2_9.schemaVersion());
        assertTrue(ma.serverInfo().orElseThrow().hasGenres());
        assertGenreResolves(resolver);
    }

    @Test
    void theNewestServerResolvesGenresLibraryAndAlbums() {
        try (MaSimulator newest =
                        MaSimulator.start(MaSimulator.Options.defaults().withProfile(Profile.NEWEST));
                MaClient client = connectedClient(newest)) {
            ContentResolver onNewest = new ContentResolver(client, signer);
            assertGenreResolves(onNewest);
            ResolvedContent library =
                    onNewest.resolve(new ContentQuery(ContentKind.LIBRARY, null, null, false, 20, false));
            assertEquals(20, library.tracks().size());
            assertTrue(library.tracks().stream().noneMatch(ResolvedTrack::explicit));
            assertTrue(
                    library.tracks().stream()
                            .allMatch(
                                    t -> t.durationMs() != null && !t.artists().isEmpty()),
                    "slim summary items still describe their tracks");
            ResolvedContent album = onNewest.resolve(spoken(ContentKind.ALBUM, "ok computer", "radiohead", 500));
            assertEquals(
                    libraryUris(lib.albumTracks(lib.albumNamed("OK Computer").itemId())), uris(album.tracks()));
        }
    }

    static void assertGenreResolves(ContentResolver resolver) {
        var genre = lib.genreNamed("Trip Hop");
        Set<String> inGenre = new HashSet<>(libraryUris(lib.genreTracks(genre.itemId())));
        assertTrue(inGenre.size() > 10 && inGenre.size() < lib.trackCount());

        ResolvedContent got = resolver.resolve(spoken(ContentKind.GENRE, "trip hop", null, 10));

        assertEquals(ContentKind.GENRE, got.kind());
        assertEquals("Trip Hop", got.name());
        assertEquals(genre.uri(), got.uri());
        assertEquals(10, got.tracks().size());
        assertEquals(10, new HashSet<>(uris(got.tracks())).size());
        assertTrue(inGenre.containsAll(uris(got.tracks())), "only tracks of the genre: " + uris(got.tracks()));
    }

    @Test
    void theLibraryGivesRandomTracksUpToMaxTracks() {
        Set<String> all = new HashSet<>(libraryUris(lib.tracks()));
        ResolvedContent got = resolver.resolve(new ContentQuery(ContentKind.LIBRARY, null, null, false, 50, true));
        assertEquals(ContentKind.LIBRARY, got.kind());
        assertEquals(50, got.tracks().size());
        assertEquals(50, new HashSet<>(uris(got.tracks())).size());
        assertTrue(all.containsAll(uris(got.tracks())));
        ResolvedContent again = resolver.resolve(new ContentQuery(ContentKind.LIBRARY, null, null, false, 50, true));
        assertFalse(uris(got.tracks()).equals(uris(again.tracks())), "shuffled anew each time");
        ResolvedContent clean = resolver.resolve(new ContentQuery(ContentKind.LIBRARY, null, null, false, 50, false));
        assertTrue(clean.tracks().size() > 0 && clean.tracks().size() <= 50);
        assertTrue(clean.tracks().stream()
                .noneMatch(t -> t.explicit()
                        || lib.itemByUri(t.uri())
                                .map(Track.class::cast)
                                .orElseThrow()
                                .explicit()));
    }

    @Test
    void aNameThatMatchesNothingIsNotFound() {
        assertEquals(RelayError.NOT_FOUND, failureCode(spoken(ContentKind.ALBUM, "zyxwv qqq", null, 500)));
        assertEquals(RelayError.NOT_FOUND, failureCode(spoken(ContentKind.ARTIST, "the zyxwvs", null, 500)));
        assertEquals(RelayError.NOT_FOUND, failureCode(spoken(ContentKind.PLAYLIST, "zyxwv", null, 500)));
        assertEquals(RelayError.NOT_FOUND, failureCode(spoken(ContentKind.RADIO, "zyxwv fm", null, 500)));
        assertEquals(RelayError.NOT_FOUND, failureCode(spoken(ContentKind.GENRE, "zyxwv core", null, 500)));
        // the empty playlist exists but has nothing to play
        assertEquals(RelayError.NOT_FOUND, failureCode(spoken(ContentKind.PLAYLIST, "new playlist", null, 500)));
    }

    @Test
    void explicitTracksAreLeftOutWhenTheDeviceFiltersThem() {
        Album damn = lib.albumNamed("DAMN.");
        assertTrue(lib.albumTracks(damn.itemId()).stream().allMatch(Track::explicit));
        assertEquals(
                RelayError.CONTENT_FILTERED,
                failureCode(new ContentQuery(ContentKind.ALBUM, "damn", "kendrick lamar", false, 500, false)));

        Album nevermind = lib.albumNamed("Nevermind");
        List<Track> tracks = lib.albumTracks(nevermind.itemId());
        assertTrue(tracks.stream().anyMatch(Track::explicit) && !tracks.stream().allMatch(Track::explicit));
        ResolvedContent clean =
                resolver.resolve(new ContentQuery(ContentKind.ALBUM, "nevermind", "nirvana", false, 500, false));
        assertEquals(libraryUris(tracks.stream().filter(t -> !t.explicit()).toList()), uris(clean.tracks()));
        ResolvedContent full =
                resolver.resolve(new ContentQuery(ContentKind.ALBUM, "nevermind", "nirvana", false, 500, true));
        assertEquals(libraryUris(tracks), uris(full.tracks()));
        assertTrue(full.tracks().stream().anyMatch(ResolvedTrack::explicit));
        assertEquals(
                RelayError.CONTENT_FILTERED,
                failureCode(new ContentQuery(ContentKind.TRACK, "humble", "kendrick lamar", false, 500, false)));
    }

    @Test
    void artThatIsOnlyOnTheLanIsServedThroughTheSignedArtPath() {
        Album album = lib.albumNamed("In Rainbows");
        Image cover = lib.thumbOf(album).orElseThrow();
        assertFalse(cover.remotelyAccessible());

        ResolvedContent got = resolver.resolve(spoken(ContentKind.ALBUM, "in rainbows", "radiohead", 500));

        assertEquals(cover.provider() + "\n" + cover.path(), verified(got.artUrl(), "art/v1/"));
        assertEquals(lib.albumTracks(album.itemId()).size(), got.tracks().size());
        for (ResolvedTrack t : got.tracks()) {
            assertEquals(cover.provider() + "\n" + cover.path(), verified(t.artUrl(), "art/v1/"));
        }
    }

    @Test
    void withoutAStreamBaseNothingIsResolved() {
        StreamSigner noBase = new StreamSigner(KEY, null, Duration.ofHours(24), Clock.systemUTC());
        int before = sim.commandLog().size();
        CommandFailure e = assertThrows(
                CommandFailure.class,
                () -> new ContentResolver(ma, noBase)
                        .resolve(spoken(ContentKind.ALBUM, "ok computer", "radiohead", 500)));
        assertEquals(RelayError.NO_STREAM_BASE, e.code());
        assertEquals(before, sim.commandLog().size(), "Music Assistant was not even asked");
    }

    @Test
    void aTrackWithItsArtistIsOneTrack() {
        Track karma = lib.trackNamed("Karma Police");
        ResolvedContent got = resolver.resolve(spoken(ContentKind.TRACK, "karma police", "radiohead", 500));
        assertEquals(ContentKind.TRACK, got.kind());
        assertEquals(karma.uri(), got.uri());
        assertEquals("Radiohead", got.artist());
        assertEquals(1, got.tracks().size());
        assertDescribes(karma, got.tracks().getFirst());
    }

    @Test
    void aTrackWithAVersionComesBackFromItsContentId() {
        ResolvedContent spokenFor = resolver.resolve(spoken(ContentKind.TRACK, "bohemian rhapsody", "queen", 1));
        assertEquals("Bohemian Rhapsody", spokenFor.name(), "content is named without its version");
        assertTrue(spokenFor.tracks().getFirst().title().contains("Remastered"), "the track title keeps it");
        // What the cloud's content id carries: the normalised name and artist.
        ResolvedContent again = resolver.resolve(exact(ContentKind.TRACK, "bohemian-rhapsody", "queen", 1));
        assertEquals(
                spokenFor.tracks().getFirst().uri(), again.tracks().getFirst().uri());
        ResolvedContent cut = resolver.resolve(exact(ContentKind.TRACK, "bohemian-rhap*", "queen", 1));
        assertEquals(
                spokenFor.tracks().getFirst().uri(), cut.tracks().getFirst().uri(), "a cut key matches by prefix");
    }
}
