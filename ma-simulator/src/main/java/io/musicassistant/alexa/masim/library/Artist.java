package io.musicassistant.alexa.masim.library;

import java.util.List;

/**
 * A library artist. {@code albumIds} are the albums on which it is the album artist;
 * {@code entityType} is MusicBrainz' "person" or "group" (newest models' artist_entity_type).
 */
public record Artist(ItemInfo info, Integer popularity, String entityType, List<String> albumIds) implements MediaItem {

    public Artist {
        albumIds = List.copyOf(albumIds);
    }

    @Override
    public MediaType mediaType() {
        return MediaType.ARTIST;
    }

    @Override
    public Artist withInfo(ItemInfo newInfo) {
        return new Artist(newInfo, popularity, entityType, albumIds);
    }
}
