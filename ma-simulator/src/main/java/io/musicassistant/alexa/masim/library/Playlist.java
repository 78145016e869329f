package io.musicassistant.alexa.masim.library;

import java.util.List;

/** A library playlist; {@code trackIds} may repeat (a playlist can hold a track twice). */
public record Playlist(ItemInfo info, String owner, boolean editable, List<String> trackIds) implements MediaItem {

    public Playlist {
        trackIds = List.copyOf(trackIds);
    }

    @Override
    public MediaType mediaType() {
        return MediaType.PLAYLIST;
    }

    @Override
    public Playlist withInfo(ItemInfo newInfo) {
        return new Playlist(newInfo, owner, editable, trackIds);
    }
}
