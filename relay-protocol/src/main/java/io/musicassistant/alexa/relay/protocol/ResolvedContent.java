package io.musicassistant.alexa.relay.protocol;

import java.util.List;

/**
 * Result of {@code content.resolve}: the Music Assistant item that matched and its tracks in play order.
 *
 * @param kind the matched item's kind
 * @param name the item's own name as Music Assistant has it (natural case)
 * @param artist the item's artist for tracks and albums, else null
 * @param artUrl public HTTPS art for the item, or null
 * @param uri Music Assistant's uri of the matched item ({@code library://album/12})
 * @param live true for radio: no duration, no seeking, no next track
 * @param tracks the playable tracks, at most the query's {@code max_tracks}
 */
public record ResolvedContent(
        ContentKind kind,
        String name,
        String artist,
        String artUrl,
        String uri,
        boolean live,
        List<ResolvedTrack> tracks) {

    public ResolvedContent {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
