package io.musicassistant.alexa.music;

import io.musicassistant.alexa.alexa.AlexaError;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.RelayClient;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.PrefetchStreams;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import io.musicassistant.alexa.relay.protocol.SignStreams;
import io.musicassistant.alexa.relay.protocol.SignedStreams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Content as the user's own Music Assistant has it: resolved through the relay once, then served
 * from the content cache until it expires. Also renews stream URLs that are about to expire.
 */
public final class MusicContent {

    /** How many tracks content may hold, per kind: whole albums and playlists, a good mix of an artist. */
    static int maxTracks(ContentKind kind) {
        return switch (kind) {
            case TRACK -> 1;
            case RADIO -> 1;
            case ARTIST, GENRE, ANY -> 200;
            case ALBUM, PLAYLIST, LIBRARY, ECHO -> ContentQuery.MAX_TRACKS_LIMIT;
        };
    }

    private final RelayClient relay;
    private final PlaybackStore store;

    public MusicContent(RelayClient relay, PlaybackStore store) {
        this.relay = relay;
        this.store = store;
    }

    /** Resolved content under its global id and its per-home cache key. */
    public record Resolved(String contentId, String cacheKey, ResolvedContent content) {

        /**
         * Caches this content. Random samples (the library, a genre) are kept while a cached one lives,
         * so that every queue of a home plays from the same list and a queue's positions stay valid.
         */
        Resolved stored(PlaybackStore store) {
            ContentKind kind = content.kind();
            if (kind == ContentKind.LIBRARY || kind == ContentKind.GENRE) {
                return store.saveContentIfAbsent(cacheKey, content)
                        .map(existing -> new Resolved(contentId, cacheKey, existing))
                        .orElse(this);
            }
            store.saveContent(cacheKey, content);
            return this;
        }
    }

    /** The cache key of content for one home and one explicit-filter setting. */
    public static String cacheKey(Home home, String contentId, boolean explicitAllowed) {
        return PlaybackStore.contentKey(home.instanceId(), contentId, explicitAllowed);
    }

    /** Resolves what the user asked for (GetPlayableContent) and caches it for the Initiate that follows. */
    public Resolved find(MusicRequest request, Home home, ContentQuery query) {
        if (query.kind() == ContentKind.LIBRARY) {
            // The whole library has one id; a cached sample of it is as good as a fresh one, and quicker.
            String id = new ContentId(ContentKind.LIBRARY, "", "").encode();
            String key = cacheKey(home, id, query.explicitAllowed());
            Optional<ResolvedContent> cached = store.content(key);
            if (cached.isPresent()) {
                return new Resolved(id, key, cached.get());
            }
        }
        ResolvedContent content = resolve(request, home, query);
        String contentId = ContentId.of(content).encode();
        return new Resolved(contentId, cacheKey(home, contentId, query.explicitAllowed()), content).stored(store);
    }

    /** Content for an id Alexa sent back: from {@code cached}, else resolved again from the id's names. */
    public Resolved byId(
            MusicRequest request,
            Home home,
            String contentId,
            boolean explicitAllowed,
            Optional<ResolvedContent> cached) {
        String key = cacheKey(home, contentId, explicitAllowed);
        if (cached.isPresent()) {
            return new Resolved(contentId, key, cached.get());
        }
        ContentId id = ContentId.parse(contentId)
                .orElseThrow(() -> new AlexaException(
                        new AlexaError.Media(AlexaError.Media.CONTENT_NOT_FOUND, "not a content id of this skill")));
        ContentQuery query = new ContentQuery(
                id.kind(),
                id.kind() == ContentKind.LIBRARY ? null : id.name(),
                id.artist().isEmpty() ? null : id.artist(),
                true,
                maxTracks(id.kind()),
                explicitAllowed);
        return new Resolved(contentId, key, resolve(request, home, query)).stored(store);
    }

    public Optional<ResolvedContent> cached(String cacheKey) {
        return store.content(cacheKey);
    }

    /** Tells the home which tracks come next so that their audio is on its disk before an Echo asks. */
    public void prefetch(MusicRequest request, Home home, List<String> uris) {
        relay.tell(home, RelayProtocol.Command.STREAM_PREFETCH, new PrefetchStreams(uris), request.deadline());
    }

    /** Re-signs the stream URLs of the given tracks and stores the updated content. */
    public ResolvedContent renewStreams(
            MusicRequest request, Home home, String cacheKey, ResolvedContent content, List<Integer> tracks) {
        List<String> uris = tracks.stream()
                .map(i -> content.tracks().get(i).uri())
                .distinct()
                .limit(SignStreams.MAX_URIS)
                .toList();
        SignedStreams signed = RelayClient.as(
                relay.call(home, RelayProtocol.Command.STREAM_SIGN, new SignStreams(uris), request.deadline()),
                SignedStreams.class);
        Map<String, SignedStreams.SignedStream> byUri = new HashMap<>();
        HomeContent.bounded(signed, uris).forEach(s -> byUri.put(s.uri(), s));
        List<ResolvedTrack> renewed = new ArrayList<>(content.tracks().size());
        for (ResolvedTrack track : content.tracks()) {
            SignedStreams.SignedStream s = byUri.get(track.uri());
            renewed.add(s == null ? track : track.withStream(s.url(), s.expiresMs()));
        }
        ResolvedContent updated = new ResolvedContent(
                content.kind(),
                content.name(),
                content.artist(),
                content.artUrl(),
                content.uri(),
                content.live(),
                renewed);
        store.saveContent(cacheKey, updated);
        return updated;
    }

    private ResolvedContent resolve(MusicRequest request, Home home, ContentQuery query) {
        try {
            ResolvedContent content = HomeContent.bounded(
                    RelayClient.as(
                            relay.call(home, RelayProtocol.Command.CONTENT_RESOLVE, query, request.deadline()),
                            ResolvedContent.class),
                    query);
            if (content.tracks().isEmpty()) {
                throw notFound("resolved to no playable tracks");
            }
            return content;
        } catch (RelayException e) {
            if (e.failure() == RelayException.Failure.REMOTE_ERROR) {
                if (RelayError.NOT_FOUND.equals(e.remoteCode())) {
                    throw notFound("nothing matched in the user's Music Assistant");
                }
                if (RelayError.CONTENT_FILTERED.equals(e.remoteCode())) {
                    throw new AlexaException(new AlexaError.Media(
                            AlexaError.Media.CONTENT_FILTERED,
                            "only explicit tracks matched and the device filters them"));
                }
            }
            throw e;
        }
    }

    private static AlexaException notFound(String why) {
        return new AlexaException(new AlexaError.Media(AlexaError.Media.CONTENT_NOT_FOUND, why));
    }
}
