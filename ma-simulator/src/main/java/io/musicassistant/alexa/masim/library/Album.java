package io.musicassistant.alexa.masim.library;

import java.util.List;

/** A library album with its tracks in disc/track order. */
public record Album(
        ItemInfo info, int year, AlbumType albumType, List<String> artistIds, String label, List<String> trackIds)
        implements MediaItem {

    public Album {
        artistIds = List.copyOf(artistIds);
        trackIds = List.copyOf(trackIds);
    }

    @Override
    public MediaType mediaType() {
        return MediaType.ALBUM;
    }

    @Override
    public Album withInfo(ItemInfo newInfo) {
        return new Album(newInfo, year, albumType, artistIds, label, trackIds);
    }
}
