package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.WsTestClient.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.AlbumType;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.LibraryEditor;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import io.musicassistant.alexa.masim.library.Names;
import io.musicassistant.alexa.masim.library.Track;
import java.lang.management.ManagementFactory;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated large library ({@code Options.withGeneratedLibrary}): 50,000 tracks load quickly,
 * page completely and exactly once through {@code library_items}, hold the name shapes real
 * libraries hold, and are the same for the same seed.
 */
class GeneratedLibraryTest {

    private static final int TRACKS = 50_000;
    private static final long SEED = 20_240_611L;

    private static MaSimulator ma;
    private static WsTestClient client;
    private static long loadMillis;
    private static long heapBytes;

    @BeforeAll
    static void start() {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long started = System.nanoTime();
        ma = MaSimulator.start(MaSimulator.Options.defaults().withGeneratedLibrary(TRACKS, SEED));
        loadMillis = (System.nanoTime() - started) / 1_000_000;
        System.gc();
        heapBytes = memory.getHeapMemoryUsage().getUsed() - before;
        System.out.printf(
                "generated library: %d tracks, %d artists, %d albums in %d ms, heap +%d MiB%n",
                ma.library().trackCount(),
                ma.library().artists().size(),
                ma.library().albums().size(),
                loadMillis,
                heapBytes >> 20);
        client = WsTestClient.authenticated(ma, ma.userToken());
    }

    @AfterAll
    static void stop() {
        client.close();
        ma.close();
    }

    @Test
    void fiftyThousandTracksLoadInSecondsAndModestMemory() {
        Library library = ma.library();
        assertEquals(TRACKS, library.trackCount());
        assertEquals(
                TRACKS, client.call("music/tracks/count", null).path("result").asInt());
        // generous bounds for a machine shared by several builds; the README gives the measured figures
        assertTrue(loadMillis < 15_000, "load took " + loadMillis + " ms");
        assertTrue(heapBytes < 400L << 20, "heap grew by " + (heapBytes >> 20) + " MiB");
        assertTrue(
                library.artists().size() > 1000 && library.albums().size() > 3000,
                library.artists().size() + " artists, " + library.albums().size() + " albums");
        assertTrue(library.playlists().size() > 20 && library.radios().size() >= 50);
        assertTrue(library.genres().size() > 30);
        // the seed stays inside, so everything written against it still resolves
        assertEquals(
                "Bohemian Rhapsody", library.trackNamed("Bohemian Rhapsody").name());
        assertEquals(
                Library.seed().trackNamed("Karma Police").itemId(),
                library.trackNamed("Karma Police").itemId());
    }

    @Test
    void everyTrackComesExactlyOnceAcrossPages() {
        Set<String> seen = new HashSet<>();
        List<String> sortKeys = new ArrayList<>();
        int pages = 0;
        for (int offset = 0; ; offset += 500) {
            String id = client.send("music/tracks/library_items", args("limit", 500, "offset", offset));
            List<JsonNode> frames = client.replyFrames(id);
            assertEquals(1, frames.size(), "library_items is a list, not an async generator: one frame");
            JsonNode page = frames.get(0).path("result");
            pages++;
            for (JsonNode track : page) {
                assertTrue(seen.add(track.path("item_id").asText()), "twice: " + track.path("item_id"));
                sortKeys.add(Names.safe(track.path("sort_name").asText(), true));
            }
            if (page.size() < 500) {
                break;
            }
        }
        assertEquals(TRACKS, seen.size());
        assertEquals(101, pages, "100 full pages and an empty one");
        for (int i = 1; i < sortKeys.size(); i++) {
            assertTrue(
                    Names.CODE_POINT_ORDER.compare(sortKeys.get(i - 1), sortKeys.get(i)) <= 0,
                    "sort_name order breaks at " + i + ": " + sortKeys.get(i - 1) + " > " + sortKeys.get(i));
        }
    }

    @Test
    void everyOtherTypePagesCompletelyInEachOrder() {
        record Listing(String command, int expected) {}
        Library library = ma.library();
        List<Listing> listings = List.of(
                new Listing("music/artists/library_items", library.artists().size()),
                new Listing("music/albums/library_items", library.albums().size()),
                new Listing("music/playlists/library_items", library.playlists().size()),
                new Listing("music/radios/library_items", library.radios().size()));
        for (Listing listing : listings) {
            for (String order : List.of("sort_name", "name_desc", "timestamp_added_desc", "play_count", "shoe_size")) {
                Set<String> ids = new HashSet<>();
                int count = 0;
                for (int offset = 0; offset <= listing.expected(); offset += 333) {
                    JsonNode page = client.call(
                                    listing.command(), args("limit", 333, "offset", offset, "order_by", order))
                            .path("result");
                    for (JsonNode item : page) {
                        ids.add(item.path("item_id").asText());
                        count++;
                    }
                }
                assertEquals(listing.expected(), ids.size(), listing.command() + " " + order);
                assertEquals(listing.expected(), count, listing.command() + " " + order + ": no repeats");
            }
        }
        String countCommand = "music/albums/count";
        assertEquals(
                library.albums().size(),
                client.call(countCommand, null).path("result").asInt());
    }

    @Test
    void filteredListingsPageOverTheFilteredRows() {
        long favourites =
                ma.library().tracks().stream().filter(MediaItem::favorite).count();
        assertTrue(favourites > 500, "favourites: " + favourites);
        Set<String> ids = new HashSet<>();
        for (int offset = 0; offset < favourites + 500; offset += 500) {
            JsonNode page = client.call(
                            "music/tracks/library_items",
                            args("favorite", true, "limit", 500, "offset", offset, "order_by", "timestamp_added"))
                    .path("result");
            page.forEach(t -> {
                assertTrue(t.path("favorite").asBoolean());
                ids.add(t.path("item_id").asText());
            });
        }
        assertEquals(favourites, ids.size());
        assertEquals(
                favourites,
                client.call("music/tracks/count", args("favorite_only", true))
                        .path("result")
                        .asLong());
        JsonNode live = client.call("music/albums/library_items", args("album_types", List.of("live"), "limit", 0))
                .path("result");
        long liveAlbums = ma.library().albums().stream()
                .filter(a -> a.albumType() == AlbumType.LIVE)
                .count();
        assertEquals(liveAlbums, live.size(), "limit 0 appends no LIMIT: every live album");
    }

    @Test
    void namesHaveTheShapesRealLibrariesHold() {
        Library library = ma.library();
        List<String> artists = library.artists().stream().map(MediaItem::name).toList();
        List<String> all = Stream.of(
                        library.artists(),
                        library.albums(),
                        library.tracks(),
                        library.playlists(),
                        library.radios(),
                        library.genres())
                .flatMap(List::stream)
                .map(MediaItem::name)
                .toList();
        assertHas(artists, "a leading 'The'", n -> n.startsWith("The "));
        assertHas(artists, "an '&'", n -> n.contains(" & "));
        assertHas(
                artists,
                "R.E.M.-like initials",
                Pattern.compile("([A-Z]\\.){2,4}").asMatchPredicate());
        assertHas(
                artists,
                "AC/DC-like slashes",
                Pattern.compile("[A-Z]{2,3}/[A-Z]{2}").asMatchPredicate());
        assertHas(artists, "digits", n -> n.chars().anyMatch(Character::isDigit));
        assertHas(artists, "accents", GeneratedLibraryTest::hasCombiningMark);
        assertHas(
                all,
                "a year",
                Pattern.compile(".*\\b(19[5-9]\\d|20[0-2]\\d)\\b.*").asMatchPredicate());
        assertHas(all, "an apostrophe", n -> n.contains("'"));
        assertHas(
                artists,
                "Japanese script",
                n -> hasScript(n, Character.UnicodeScript.HAN) || hasScript(n, Character.UnicodeScript.KATAKANA));
        assertHas(all, "Hiragana", n -> hasScript(n, Character.UnicodeScript.HIRAGANA));
        assertHas(artists, "Cyrillic script", n -> hasScript(n, Character.UnicodeScript.CYRILLIC));
        assertHas(artists, "Greek script", n -> hasScript(n, Character.UnicodeScript.GREEK));
        assertHas(all, "an emoji", n -> n.codePoints().anyMatch(cp -> cp >= 0x1F300));
        assertTrue(
                library.tracks().stream().anyMatch(t -> t.version().matches("Remastered \\d{4}")),
                "tracks with versions like 'Remastered 2011'");
        assertTrue(library.tracks().stream().anyMatch(t -> t.version().equals("Live")));
        assertTrue(library.tracks().stream().anyMatch(t -> t.artistIds().size() > 1), "featured artists");
        assertTrue(library.tracks().stream().anyMatch(t -> t.discNumber() == 2), "two-disc albums");
        assertEquals(
                EnumSet.complementOf(EnumSet.of(AlbumType.UNKNOWN)),
                EnumSet.copyOf(library.albums().stream().map(Album::albumType).toList()),
                "every album type");
        assertTrue(artists.contains("Various Artists"));
        Track played = library.tracks().stream()
                .filter(t -> t.info().playCount() > 0)
                .findFirst()
                .orElseThrow();
        assertTrue(played.info().lastPlayed() > 0);
        List<Track> generated = library.tracks().subList(Library.seed().trackCount(), TRACKS);
        int durationMin = generated.stream().mapToInt(Track::duration).min().orElseThrow();
        int durationMax = generated.stream().mapToInt(Track::duration).max().orElseThrow();
        assertTrue(durationMin >= 30 && durationMax > 600, durationMin + " … " + durationMax);
    }

    @Test
    void nonLatinNamesAreFoundBySearch() {
        String cyrillic = ma.library().artists().stream()
                .map(MediaItem::name)
                .filter(n -> hasScript(n, Character.UnicodeScript.CYRILLIC))
                .findFirst()
                .orElseThrow();
        JsonNode found = client.call("music/search", args("search_query", cyrillic, "media_types", List.of("artist")))
                .path("result")
                .path("artists");
        assertEquals(cyrillic, found.get(0).path("name").asText(), "exact matches rank first");
        JsonNode page = client.call("music/artists/library_items", args("search", cyrillic.toUpperCase(), "limit", 5))
                .path("result");
        assertTrue(page.size() >= 1 && page.get(0).path("name").asText().equalsIgnoreCase(cyrillic), page.toString());
    }

    @Test
    void theSameSeedGivesTheSameLibraryAndAnotherSeedAnother() {
        Library first = Library.generated(3_000, 7);
        Library other = Library.generated(3_000, 8);
        Library again = Library.generated(3_000, 7); // generated anew: only the last one is kept
        assertEquals(3_000, first.trackCount());
        assertEquals(first.tracks(), again.tracks(), "records equal field by field");
        assertEquals(first.artists(), again.artists());
        assertEquals(first.albums(), again.albums());
        assertEquals(first.playlists(), again.playlists());
        assertEquals(first.radios(), again.radios());
        assertNotEquals(names(first.artists()), names(other.artists()));
        assertEquals(3_000, other.trackCount());
        // copies are independent: each simulator edits its own
        assertTrue(first != again);
        assertThrows(IllegalArgumentException.class, () -> Library.generated(100, 1), "fewer than the seed's tracks");
        Track shared = Library.seed().tracks().get(0);
        assertThrows(
                UnsupportedOperationException.class,
                () -> new LibraryEditor(Library.seed(), Clock.systemUTC())
                        .setFavorite(MediaType.TRACK, shared.itemId(), !shared.favorite()),
                "the shared seed is read-only");
    }

    private static List<String> names(List<? extends MediaItem> items) {
        return items.stream().map(MediaItem::name).toList();
    }

    private static void assertHas(List<String> names, String shape, Predicate<String> test) {
        List<String> examples = names.stream().filter(test).limit(3).toList();
        assertFalse(examples.isEmpty(), "no name with " + shape);
    }

    private static boolean hasScript(String name, Character.UnicodeScript script) {
        return name.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == script);
    }

    private static boolean hasCombiningMark(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .chars()
                .anyMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK);
    }
}
