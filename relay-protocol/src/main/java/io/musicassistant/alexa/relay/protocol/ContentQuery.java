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
 * @param language the language the user spoke ({@code de}, or an Alexa locale such as {@code de-DE}),
 *     which decides how spoken numbers, "and" and articles are read; null means English, and
 *     connectors older than the field ignore it
 */
public record ContentQuery(
        ContentKind kind,
        String name,
        String artist,
        boolean exact,
        int maxTracks,
        boolean explicitAllowed,
        String language) {

    /** A query without a language: read as English. */
    public ContentQuery(
            ContentKind kind, String name, String artist, boolean exact, int maxTracks, boolean explicitAllowed) {
        this(kind, name, artist, exact, maxTracks, explicitAllowed, null);
    }

    public static final int MAX_TRACKS_LIMIT = 500;
    public static final int MAX_TEXT_LENGTH = 256;
    /** Longer than any BCP 47 tag Alexa sends ({@code en-US}); a bound so a peer cannot send a novel. */
    public static final int MAX_LANGUAGE_LENGTH = 35;

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
        if (language != null && (language.isBlank() || language.length() > MAX_LANGUAGE_LENGTH)) {
            throw new ProtocolException("content query language must be a locale such as de-DE");
        }
    }

    /** The same query, spoken in {@code localeOrLanguage} (an Alexa locale such as {@code fr-CA}); null keeps it. */
    public ContentQuery withLanguage(String localeOrLanguage) {
        return localeOrLanguage == null || localeOrLanguage.isBlank()
                ? this
                : new ContentQuery(kind, name, artist, exact, maxTracks, explicitAllowed, localeOrLanguage);
    }
}
