package io.musicassistant.alexa.music.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.music.AlexaItems;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.MusicContent;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.QueueId;
import io.musicassistant.alexa.music.StreamBase;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Payloads;
import io.musicassistant.alexa.music.model.PlaybackMethod;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.protocol.ContentKind;

/**
 * Alexa.Media.Playback Initiate, and Reinitiate (Amazon lists it for moving playback to another
 * device without publishing its shape; it carries a content id like Initiate): start a queue. The content normally comes from the cache the
 * preceding GetPlayableContent filled, so this needs no relay round trip and writes nothing.
 */
public final class InitiateHandler implements MusicDirectiveHandler {

    private final String name;
    private final HomeLocator homes;
    private final MusicContent music;
    private final PlayQueues queues;
    private final AlexaItems items;
    private final EchoQueues echo;

    /** {@code name}: "Initiate" or "Reinitiate". */
    public InitiateHandler(
            String name, HomeLocator homes, MusicContent music, PlayQueues queues, AlexaItems items, EchoQueues echo) {
        this.name = name;
        this.homes = homes;
        this.music = music;
        this.queues = queues;
        this.items = items;
        this.echo = echo;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName("Alexa.Media.Playback", name);
    }

    @Override
    public AlexaMessage handle(MusicRequest request) {
        String contentId = Fields.text(request.payload(), "contentId", "");
        if (contentId.isEmpty() || contentId.length() > 1024) {
            throw AlexaException.invalidDirective("contentId missing");
        }
        var echoKey = EchoQueues.echoKey(contentId);
        if (echoKey.isPresent()) {
            return AlexaMessage.answer(
                    "Alexa.Media.Playback", name, "1.0", new Payloads.Initiate(echo.initiate(request, echoKey.get())));
        }
        Home home = homes.onlineHomeOf(request.userId());
        StreamBase.requireWorking(home);
        boolean explicitAllowed = request.explicitAllowed();
        MusicContent.Resolved resolved = music.byId(
                request,
                home,
                contentId,
                explicitAllowed,
                music.cached(MusicContent.cacheKey(home, contentId, explicitAllowed)));

        var modes = request.payload().path("playbackModes");
        boolean shuffle = Fields.bool(modes, "shuffle", false)
                || shuffledByDefault(resolved.content().kind());
        boolean loop = Fields.bool(modes, "loop", false);
        // Newer requests carry repeat as an object, {"status": "ON"} (observed).
        JsonNode repeatMode = modes.path("repeat");
        boolean repeat = "ON"
                .equals(
                        repeatMode.isObject()
                                ? Fields.text(repeatMode, "status", "")
                                : Fields.text(modes, "repeat", ""));
        PlayQueues.Session session =
                queues.start(request, home, resolved, QueueId.create(shuffle, loop, repeat, explicitAllowed));
        var first = queues.renderAndPrefetch(session, queues.first(session));
        PlaybackMethod method = new PlaybackMethod(
                PlaybackMethod.ALEXA_AUDIO_PLAYER_QUEUE,
                session.queueId().value(),
                items.queueControls(session.content(), session.state()),
                new PlaybackMethod.Rules(new PlaybackMethod.Feedback(
                        "PREFERENCE", !session.content().live())),
                first);
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
