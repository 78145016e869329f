package io.musicassistant.alexa.relay.protocol;

import java.util.List;

/**
 * One playable track with everything the cloud needs to describe it to Alexa.
 *
 * @param uri Music Assistant's uri of the track; stable, used to re-sign its stream
 * @param title track title
 * @param artists artist names, in Music Assistant's order
 * @param album album name or null
 * @param durationMs length, or null when unknown or live
 * @param artUrl public HTTPS art or null
 * @param explicit true when Music Assistant flags the track explicit
 * @param streamUrl HMAC-signed HTTPS URL on the home's public stream base
 * @param streamExpiresMs epoch millis after which {@code streamUrl} is refused
 */
public record ResolvedTrack(
        String uri,
        String title,
        List<String> artists,
        String album,
        Long durationMs,
        String artUrl,
        boolean explicit,
        String streamUrl,
        long streamExpiresMs) {

    public ResolvedTrack {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }

    public ResolvedTrack withStream(String url, long expiresMs) {
        return new ResolvedTrack(uri, title, artists, album, durationMs, artUrl, explicit, url, expiresMs);
    }
}
