package io.musicassistant.alexa.masim.library;

import java.util.List;

/** A library track; {@code duration} in whole seconds, as MA stores it. */
public record Track(
        ItemInfo info,
        int duration,
        List<String> artistIds,
        String albumId,
        int discNumber,
        int trackNumber,
        boolean explicit)
        implements MediaItem {

    public Track {
        artistIds = List.copyOf(artistIds);
    }

    @Override
    public MediaType mediaType() {
        return MediaType.TRACK;
    }

    @Override
    public Track withInfo(ItemInfo newInfo) {
        return new Track(newInfo, duration, artistIds, albumId, discNumber, trackNumber, explicit);
    }
}
