package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.AlexaMessage;
import io.musicassistant.alexa.music.AlexaItems;
import io.musicassistant.alexa.music.DirectiveName;
import io.musicassistant.alexa.music.MusicContent;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.PlaybackStore;
import io.musicassistant.alexa.music.QueueId;
import io.musicassistant.alexa.music.model.Payloads;
import io.musicassistant.alexa.music.model.PlaybackMethod;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.protocol.ContentKind;

/**
 * Alexa.Media.Playback Initiate: start a queue for a content id. The content normally comes from the cache the
 * preceding GetPlayableContent filled, so this needs no relay round trip and writes nothing.
 */
public class InitiateHandler implements MusicDirectiveHandler {

    private final String name;
    private final HomeLocator homes;
    private final MusicContent music;
    private final PlayQueues queues;
    private final AlexaItems items;

    public InitiateHandler(HomeLocator homes, MusicContent music, PlayQueues queues, AlexaItems items) {
        this("Initiate", homes, music, queues, items);
    }

    protected InitiateHandler(String name, HomeLocator homes, MusicContent music, PlayQueues queues, AlexaItems items) {
        this.name = name;
        this.homes = homes;
        this.music = music;
        this.queues = queues;
        this.items = items;
    }

    @Override
    public final DirectiveName directive() {
        return new DirectiveName("Alexa.Media.Playback", name);
    }

    @Override
    public final AlexaMessage handle(MusicRequest request) {
        String contentId = request.payload().path("contentId").asText("");
        if (contentId.isEmpty() || contentId.length() > 1024) {
            throw AlexaException.invalidDirective("contentId missing");
        }
        Home home = homes.onlineHomeOf(request.userId());
        String key = PlaybackStore.contentKey(home.instanceId(), contentId, request.explicitAllowed());
        MusicContent.Resolved resolved = music.byId(request, home, contentId, music.cached(key));

        boolean shuffle = request.payload().path("playbackModes").path("shuffle").asBoolean(false)
                || shuffledByDefault(resolved.content().kind());
        boolean loop = request.payload().path("playbackModes").path("loop").asBoolean(false);
        PlayQueues.Session session = queues.start(request, home, resolved, QueueId.create(shuffle, loop));
        var first = queues.render(session, queues.first(session));
        PlaybackMethod method = new PlaybackMethod(PlaybackMethod.ALEXA_AUDIO_PLAYER_QUEUE, session.queueId().value(),
                items.queueControls(session.content(), session.state()),
                new PlaybackMethod.Rules(new PlaybackMethod.Feedback("PREFERENCE", !session.content().live())), first);
        return AlexaMessage.answer("Alexa.Media.Playback", name, "1.0", new Payloads.Initiate(method));
    }

    /**
     * Alexa sends shuffle=false on every fresh Initiate, so the default is ours: an artist, a genre
     * or the whole library plays as a mix; albums and playlists in their order.
     */
    static boolean shuffledByDefault(ContentKind kind) {
        return kind == ContentKind.ARTIST || kind == ContentKind.GENRE || kind == ContentKind.LIBRARY;
    }
}
