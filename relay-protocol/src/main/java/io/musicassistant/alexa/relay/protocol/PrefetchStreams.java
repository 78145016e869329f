package io.musicassistant.alexa.relay.protocol;

import java.util.List;

/** Arguments of {@code stream.prefetch}: the Music Assistant uris of tracks a queue will play next, in order. */
public record PrefetchStreams(List<String> uris) {

    public static final int MAX_URIS = 5;

    public PrefetchStreams {
        if (uris == null || uris.isEmpty() || uris.size() > MAX_URIS) {
            throw new ProtocolException("stream.prefetch needs 1.." + MAX_URIS + " uris");
        }
        uris = List.copyOf(uris);
    }
}
