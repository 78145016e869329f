package io.musicassistant.alexa.music;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import io.musicassistant.alexa.relay.protocol.SignedStreams;
import io.musicassistant.alexa.relay.protocol.SqsText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the cloud accepts from a home's answers about content. A home is a peer, not a part of the
 * cloud: a broken or hostile connector could answer a query for one track with thousands, or with
 * megabytes of text. The cloud keeps what was asked for and refuses what it cannot use:
 * <ul>
 * <li>more tracks than the query's {@code max_tracks}: cut to the first {@code max_tracks} (the home
 *     ranked them), with a warning;</li>
 * <li>display text (names, titles, albums, artists): characters no message may hold dropped, cut to
 *     {@link #MAX_TEXT} characters, at most {@link #MAX_ARTISTS} artists per track;</li>
 * <li>identifiers (a track's uri, which goes back to the home in later commands) and URLs (stream,
 *     art) that are too long or hold such characters: the answer is unreadable (BAD_REPLY), as a
 *     stream URL that is not https already is; an unusable art URL is only dropped.</li>
 * </ul>
 */
final class HomeContent {

    /** As long as the longest text a query may carry; Alexa shows far less. */
    static final int MAX_TEXT = ContentQuery.MAX_TEXT_LENGTH;

    static final int MAX_ARTISTS = 10;
    static final int MAX_URI = 1024;
    static final int MAX_URL = 2048;

    private static final JsonLog LOG = JsonLog.get(HomeContent.class);

    private HomeContent() {}

    /** {@code content} as far as the cloud uses it for {@code query}; throws BAD_REPLY when unusable. */
    static ResolvedContent bounded(ResolvedContent content, ContentQuery query) {
        List<ResolvedTrack> tracks = content.tracks();
        if (tracks.size() > query.maxTracks()) {
            LOG.warn("music.home_overanswered", "asked_tracks", query.maxTracks(), "got_tracks", tracks.size());
            tracks = tracks.subList(0, query.maxTracks());
        }
        List<ResolvedTrack> kept = new ArrayList<>(tracks.size());
        for (ResolvedTrack t : tracks) {
            kept.add(track(t));
        }
        return new ResolvedContent(
                content.kind(),
                text(content.name()),
                text(content.artist()),
                art(content.artUrl()),
                identifier(content.uri(), MAX_URI, "content uri"),
                content.live(),
                kept);
    }

    /** The signed streams answering a request for {@code asked} uris: only those, each usable. */
    static List<SignedStreams.SignedStream> bounded(SignedStreams signed, List<String> asked) {
        Set<String> wanted = new HashSet<>(asked);
        List<SignedStreams.SignedStream> kept = new ArrayList<>(asked.size());
        for (SignedStreams.SignedStream s : signed.streams()) {
            if (wanted.remove(s.uri())) {
                kept.add(new SignedStreams.SignedStream(s.uri(), stream(s.url()), s.expiresMs()));
            }
        }
        if (kept.size() < signed.streams().size()) {
            LOG.warn(
                    "music.home_overanswered",
                    "asked_streams",
                    asked.size(),
                    "got_streams",
                    signed.streams().size());
        }
        return kept;
    }

    static ResolvedTrack track(ResolvedTrack t) {
        List<String> artists = t.artists().stream()
                .limit(MAX_ARTISTS)
                .map(HomeContent::text)
                .filter(a -> a != null && !a.isEmpty())
                .toList();
        Long duration = t.durationMs() == null || t.durationMs() < 0 ? null : t.durationMs();
        return new ResolvedTrack(
                identifier(t.uri(), MAX_URI, "track uri"),
                text(t.title()),
                artists,
                text(t.album()),
                duration,
                art(t.artUrl()),
                t.explicit(),
                stream(t.streamUrl()),
                t.streamExpiresMs());
    }

    /** Echo devices only fetch HTTPS; a connector that hands out anything else is misconfigured. */
    static String stream(String url) {
        if (url == null || !url.startsWith("https://")) {
            throw new RelayException(RelayException.Failure.BAD_REPLY, "home returned a stream URL that is not https");
        }
        return identifier(url, MAX_URL, "stream URL");
    }

    private static String identifier(String value, int max, String what) {
        if (value != null && (value.length() > max || !SqsText.allowed(value))) {
            throw new RelayException(RelayException.Failure.BAD_REPLY, "home returned an unusable " + what);
        }
        return value;
    }

    private static String art(String url) {
        return url == null || url.length() > MAX_URL || !SqsText.allowed(url) ? null : url;
    }

    /** Display text: characters no message may hold dropped (tags can carry NULs), cut by code points. */
    static String text(String value) {
        if (value == null || value.length() <= MAX_TEXT && SqsText.allowed(value)) {
            return value; // the usual case: nothing to drop or cut
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_TEXT));
        value.codePoints().filter(SqsText::allowed).limit(MAX_TEXT).forEach(out::appendCodePoint);
        return out.toString();
    }
}
