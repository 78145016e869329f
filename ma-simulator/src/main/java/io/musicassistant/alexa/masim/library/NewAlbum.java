package io.musicassistant.alexa.masim.library;

import java.util.List;
import java.util.Objects;

/**
 * An album to add to the library with {@link LibraryEditor#addAlbum}: its (album) artist is
 * matched by exact name or sort name among the library's artists, as MA matches an artist it is
 * about to add ({@code _get_library_item_by_match}), and created when there is none.
 *
 * @param name album title without version
 * @param version e.g. "Deluxe Edition" or "" (MA keeps versions apart from names)
 * @param artist the album artist's name
 * @param year release year
 * @param albumType MA's album type
 * @param tracks in disc 1 order; track numbers count from 1
 */
public record NewAlbum(
        String name, String version, String artist, int year, AlbumType albumType, List<NewTrack> tracks) {

    public NewAlbum {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(artist, "artist");
        version = version == null ? "" : version;
        albumType = albumType == null ? AlbumType.ALBUM : albumType;
        tracks = List.copyOf(tracks);
        if (name.isBlank() || artist.isBlank()) {
            throw new IllegalArgumentException("an album needs a name and an artist");
        }
    }

    /** An album of type "album" without version. */
    public static NewAlbum of(String name, String artist, int year, NewTrack... tracks) {
        return new NewAlbum(name, "", artist, year, AlbumType.ALBUM, List.of(tracks));
    }

    /**
     * One track of a {@link NewAlbum}.
     *
     * @param name title without version
     * @param version e.g. "Remastered 2011" or ""
     * @param duration whole seconds
     * @param explicit the explicit flag MA keeps in the track's metadata
     */
    public record NewTrack(String name, String version, int duration, boolean explicit) {

        public NewTrack {
            Objects.requireNonNull(name, "name");
            version = version == null ? "" : version;
            if (name.isBlank() || duration < 0) {
                throw new IllegalArgumentException("a track needs a name and a duration ≥ 0");
            }
        }

        public static NewTrack of(String name, int duration) {
            return new NewTrack(name, "", duration, false);
        }
    }
}
