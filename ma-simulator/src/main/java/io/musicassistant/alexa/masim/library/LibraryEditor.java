package io.musicassistant.alexa.masim.library;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.error.PyText;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Changes the library the way MA's media controllers change their tables, and announces each
 * change as MA does (controllers/media/base.py and albums.py, artists.py, tracks.py, genres.py;
 * the same in the newest controllers/music/media/*.py):
 *
 * <ul>
 *   <li>adding: one {@code media_item_added} per new row, in the order MA writes them — a new
 *       album artist first ({@code _set_album_artists} inside the album's insert), then the
 *       album, then each track; existing artists are reused without an event;</li>
 *   <li>removing: depth first — an artist's albums, each album's tracks, then the item itself,
 *       one {@code media_item_deleted} each. MA deletes an item's relation rows before it reads
 *       the item for the event, so a deleted track carries no artists, no album and disc/track 0,
 *       and a deleted album no artists; removing a track or album never removes its artist;</li>
 *   <li>updating: {@code media_item_updated} with the item as stored afterwards; {@code set_favorite}
 *       sends nothing when the flag does not change. Every update stamps {@code timestamp_modified}
 *       (MA's {@code update_<table>_timestamp} trigger).</li>
 * </ul>
 *
 * <p>Ids come from the tables' AUTOINCREMENT: never reused. One change at a time (MA serialises
 * them on its event loop); readers see each step as it happens.
 */
public final class LibraryEditor {

    /** MA's {@code EventType} values (music_assistant_models/enums.py). */
    public static final String MEDIA_ITEM_ADDED = "media_item_added";

    public static final String MEDIA_ITEM_UPDATED = "media_item_updated";
    public static final String MEDIA_ITEM_DELETED = "media_item_deleted";

    private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final AudioFormat STREAM = new AudioFormat("ogg", 44100, 16, 320);

    private final Library library;
    private final Clock clock;
    private final List<Consumer<MediaItem>> deletionHooks = new CopyOnWriteArrayList<>();
    private volatile LibraryListener listener = LibraryListener.NONE;

    public LibraryEditor(Library library, Clock clock) {
        this.library = Objects.requireNonNull(library, "library");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Library library() {
        return library;
    }

    public void setListener(LibraryListener value) {
        listener = value == null ? LibraryListener.NONE : value;
    }

    /** Runs for every deleted item (e.g. to drop its playlog rows, as MA's base remove does). */
    public void onDeleted(Consumer<MediaItem> hook) {
        deletionHooks.add(hook);
    }

    // ---------------------------------------------------------------- reading like MA

    /**
     * {@code get_library_item(item_id)}: {@code int(item_id)} (a ValueError for text that is no
     * integer), then MediaNotFoundError "{type} not found in library: {id}".
     */
    public MediaItem require(MediaType type, String itemId) {
        int id = dbId(itemId);
        return library.item(type, Integer.toString(id))
                .orElseThrow(
                        () -> MaError.of(ErrorCode.MEDIA_NOT_FOUND, type.value() + " not found in library: " + id));
    }

    /** Python's {@code int(text)}: surrounding blanks, a sign and digit-separating underscores are fine. */
    public static int dbId(String itemId) {
        String text = itemId == null ? "" : itemId.strip();
        if (!PY_INT.matcher(text).matches()) {
            throw MaError.builtin(
                    "invalid literal for int() with base 10: " + PyText.repr(itemId == null ? "" : itemId));
        }
        try {
            return Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException beyondInt) {
            // SQLite would find no row for such an id either
            return Integer.MIN_VALUE;
        }
    }

    // ---------------------------------------------------------------- adding

    /**
     * Adds an album with its artist (when new) and tracks, as a provider sync or an import would:
     * {@code media_item_added} for the new artist, the album, then each track.
     */
    public synchronized Album addAlbum(NewAlbum spec) {
        Instant now = now();
        Artist artist = artistMatching(spec.artist()).orElse(null);
        if (artist == null) {
            int artistId = library.nextId(MediaType.ARTIST);
            String spotifyId = spotifyId("artist:" + spec.artist() + ":" + artistId);
            ItemInfo info = new ItemInfo(
                    Integer.toString(artistId),
                    spec.artist(),
                    "",
                    Names.sortName(spec.artist()),
                    List.of(),
                    List.of(new ProviderMapping(
                            spotifyId,
                            "spotify",
                            LibraryLoader.SPOTIFY,
                            true,
                            AudioFormat.UNKNOWN,
                            "https://open.spotify.com/artist/" + spotifyId)),
                    List.of(),
                    false,
                    now,
                    now,
                    0,
                    0,
                    List.of(),
                    null);
            artist = new Artist(info, null, "group", List.of());
            library.put(artist);
            emitNow(MEDIA_ITEM_ADDED, artist);
        }
        int albumId = library.nextId(MediaType.ALBUM);
        String albumKey = Integer.toString(albumId);
        String albumSpotifyId = spotifyId("album:" + spec.name() + ":" + albumId);
        Image cover =
                new Image("thumb", LibraryLoader.IMAGE_HOST + "/album/" + albumSpotifyId + ".jpg", "spotify", true);
        ItemInfo albumInfo = new ItemInfo(
                albumKey,
                spec.name(),
                spec.version(),
                Names.sortName(spec.name()),
                List.of(),
                List.of(new ProviderMapping(
                        albumSpotifyId, "spotify", LibraryLoader.SPOTIFY, true, AudioFormat.UNKNOWN, null)),
                List.of(cover),
                false,
                now,
                now,
                0,
                0,
                List.of(),
                null);
        // the album_artists row is written inside the album's insert, before MA reads it for the event
        library.put(withAlbum(artist, albumKey));
        Album album = new Album(albumInfo, spec.year(), spec.albumType(), List.of(artist.itemId()), null, List.of());
        library.put(album);
        emitNow(MEDIA_ITEM_ADDED, album);
        List<String> trackIds = new ArrayList<>();
        int number = 0;
        for (NewAlbum.NewTrack spec2 : spec.tracks()) {
            number++;
            int trackId = library.nextId(MediaType.TRACK);
            String key = Integer.toString(trackId);
            String spotifyId = spotifyId("track:" + spec2.name() + ":" + trackId);
            ItemInfo info = new ItemInfo(
                    key,
                    spec2.name(),
                    spec2.version(),
                    Names.sortName(spec2.name()),
                    List.of(),
                    List.of(new ProviderMapping(
                            spotifyId,
                            "spotify",
                            LibraryLoader.SPOTIFY,
                            true,
                            STREAM,
                            "https://open.spotify.com/track/" + spotifyId)),
                    List.of(),
                    false,
                    now,
                    now,
                    0,
                    0,
                    List.of(),
                    null);
            Track track =
                    new Track(info, spec2.duration(), List.of(artist.itemId()), albumKey, 1, number, spec2.explicit());
            library.put(track);
            trackIds.add(key);
            album = new Album(
                    album.info(), album.year(), album.albumType(), album.artistIds(), album.label(), trackIds);
            library.put(album);
            emitNow(MEDIA_ITEM_ADDED, track);
        }
        return album;
    }

    /**
     * {@code add_item_to_library} for an item the library already holds ({@code _get_library_item_by_match}
     * finds it by its "library" provider): the merge changes nothing here, MA still announces it.
     */
    public synchronized MediaItem readd(MediaItem item) {
        MediaItem current = library.item(item.mediaType(), item.itemId())
                .orElseThrow(() -> MaError.of(
                        ErrorCode.MEDIA_NOT_FOUND,
                        item.mediaType().value() + " not found in library: " + item.itemId()));
        return store(current);
    }

    // ---------------------------------------------------------------- updating

    /** MA's {@code set_favorite}: no change, no event. */
    public synchronized MediaItem setFavorite(MediaType type, String itemId, boolean favorite) {
        MediaItem current = require(type, itemId);
        if (current.favorite() == favorite) {
            return current;
        }
        return store(current.withInfo(current.info().withFavorite(favorite)));
    }

    /**
     * Changes the shared fields of an item (name, version, favourite…) and announces it. The id
     * cannot change.
     */
    public synchronized MediaItem update(MediaType type, String itemId, UnaryOperator<ItemInfo> change) {
        MediaItem current = require(type, itemId);
        ItemInfo changed = Objects.requireNonNull(change.apply(current.info()), "changed info");
        if (!changed.itemId().equals(current.itemId())) {
            throw new IllegalArgumentException("an update cannot change the item id");
        }
        return store(current.withInfo(changed));
    }

    /**
     * Replaces an item (same type and id), stamps {@code timestamp_modified} as MA's update trigger
     * does, and announces it: the end of every update.
     */
    public synchronized MediaItem store(MediaItem changed) {
        if (library.item(changed.mediaType(), changed.itemId()).isEmpty()) {
            throw MaError.of(
                    ErrorCode.MEDIA_NOT_FOUND,
                    changed.mediaType().value() + " not found in library: " + changed.itemId());
        }
        MediaItem stored = changed.withInfo(changed.info().withDateModified(now()));
        library.put(stored);
        emitNow(MEDIA_ITEM_UPDATED, stored);
        return stored;
    }

    // ---------------------------------------------------------------- removing

    /**
     * {@code remove_item_from_library(item_id, recursive)} of the type's controller. Without
     * {@code recursive}, an album with tracks or an artist with albums or tracks is refused with
     * MA's plain {@code MusicAssistantError} (error code 0).
     */
    public synchronized void remove(MediaType type, String itemId, boolean recursive) {
        int id = dbId(itemId);
        switch (type) {
            case ALBUM -> removeAlbum(id, recursive);
            case ARTIST -> removeArtist(id, recursive);
            case TRACK -> removeTrack(id);
            default -> removeRow(type, id, null);
        }
    }

    private void removeArtist(int id, boolean recursive) {
        String key = Integer.toString(id);
        for (Album album : library.artistAlbums(key)) {
            if (!recursive) {
                throw MaError.of(0, "Artist still has albums linked");
            }
            suppressNotFound(() -> removeAlbum(album.id(), true));
        }
        for (Track track : library.artistTracks(key)) {
            if (!recursive) {
                throw MaError.of(0, "Artist still has tracks linked");
            }
            suppressNotFound(() -> removeTrack(track.id()));
        }
        removeRow(MediaType.ARTIST, id, null);
    }

    private void removeAlbum(int id, boolean recursive) {
        String key = Integer.toString(id);
        Optional<Album> album = library.album(key);
        // MA reads the album for the event after deleting its album_artists rows, and its stored
        // metadata still says what its tracks said: render it before they go
        Object data = album.map(a -> listener.render(
                        new Album(a.info(), a.year(), a.albumType(), List.of(), a.label(), a.trackIds())))
                .orElse(null);
        List<Track> tracks = library.albumTracks(key).stream()
                .sorted((x, y) -> Integer.compare(x.id(), y.id())) // no ORDER BY: rowid order
                .toList();
        for (Track track : tracks) {
            if (!recursive) {
                throw MaError.of(0, "Album still has tracks linked");
            }
            suppressNotFound(() -> removeTrack(track.id()));
        }
        album.ifPresent(a -> {
            for (String artistId : a.artistIds()) {
                library.artist(artistId).ifPresent(artist -> library.put(withoutAlbum(artist, key)));
            }
        });
        removeRow(MediaType.ALBUM, id, data);
    }

    private void removeTrack(int id) {
        String key = Integer.toString(id);
        Track track = (Track) require(MediaType.TRACK, key);
        if (track.albumId() != null) {
            library.album(track.albumId())
                    .ifPresent(album -> library.put(new Album(
                            album.info(),
                            album.year(),
                            album.albumType(),
                            album.artistIds(),
                            album.label(),
                            album.trackIds().stream()
                                    .filter(t -> !t.equals(key))
                                    .toList())));
        }
        Track detached = new Track(track.info(), track.duration(), List.of(), null, 0, 0, track.explicit());
        removeRow(MediaType.TRACK, id, listener.render(detached));
    }

    /** The base controller's delete: the row, its playlog rows (hooks), then the event. */
    private void removeRow(MediaType type, int id, Object renderedData) {
        MediaItem item = require(type, Integer.toString(id));
        Object data = renderedData != null ? renderedData : listener.render(item);
        library.delete(type, id);
        deletionHooks.forEach(hook -> hook.accept(item));
        listener.emit(MEDIA_ITEM_DELETED, item.uri(), data);
    }

    private static void suppressNotFound(Runnable step) {
        try {
            step.run();
        } catch (MaError error) {
            if (error.code() != ErrorCode.MEDIA_NOT_FOUND) {
                throw error;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void emitNow(String event, MediaItem item) {
        listener.emit(event, item.uri(), listener.render(item));
    }

    private Optional<Artist> artistMatching(String name) {
        String sortName = Names.sortName(name);
        return library.artists().stream()
                .filter(a -> a.name().equals(name) || sortName.equals(a.sortName()))
                .findFirst();
    }

    private static Artist withAlbum(Artist artist, String albumId) {
        List<String> albums = new ArrayList<>(artist.albumIds());
        albums.add(albumId);
        return new Artist(artist.info(), artist.popularity(), artist.entityType(), albums);
    }

    private static Artist withoutAlbum(Artist artist, String albumId) {
        return new Artist(
                artist.info(),
                artist.popularity(),
                artist.entityType(),
                artist.albumIds().stream().filter(a -> !a.equals(albumId)).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A 22-character base62 id, as Spotify's, derived from the key so runs repeat. */
    private static String spotifyId(String key) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        String hex = Image.sha256Hex(key);
        StringBuilder out = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            out.append(alphabet.charAt(Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16) % 62));
        }
        return out.toString();
    }
}
