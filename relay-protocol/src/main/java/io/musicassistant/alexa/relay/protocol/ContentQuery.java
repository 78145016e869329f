package io.musicassistant.alexa.relay.protocol;

import java.util.Objects;

/**
 * Arguments of {@code content.resolve}: what to find in the user's Music Assistant.
 *
 * @param kind what the user asked for
 * @param name the item's name (track title, album title, artist, playlist, genre or station name);
 *     null for {@link ContentKind#LIBRARY}
 * @param artist narrows a track or album to an artist; may be null
 * @param exact true when {@code name}/{@code artist} are normalised keys from a content id that must
 *     match the item's own normalised names; false for free text a user spoke
 * @param maxTracks upper bound on the tracks returned
 * @param explicitAllowed false when the user's device filters explicit content
 */
public record ContentQuery(
        ContentKind kind, String name, String artist, boolean exact, int maxTracks, boolean explicitAllowed) {

    public static final int MAX_TRACKS_LIMIT = 500;
    public static final int MAX_TEXT_LENGTH = 256;

    public ContentQuery {
        Objects.requireNonNull(kind, "kind");
        if (kind != ContentKind.LIBRARY && (name == null || name.isBlank())) {
            throw new ProtocolException("content query of kind " + kind + " needs a name");
        }
        if (name != null && name.length() > MAX_TEXT_LENGTH || artist != null && artist.length() > MAX_TEXT_LENGTH) {
            throw new ProtocolException("content query text too long");
        }
        if (maxTracks < 1 || maxTracks > MAX_TRACKS_LIMIT) {
            throw new ProtocolException("max_tracks must be 1.." + MAX_TRACKS_LIMIT);
        }
    }
}
