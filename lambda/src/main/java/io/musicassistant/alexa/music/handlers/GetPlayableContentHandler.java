package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.music.AlexaItems;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.MusicContent;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.SelectionCriteria;
import io.musicassistant.alexa.music.StreamBase;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Payloads;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.protocol.ContentKind;

/** Alexa.Media.Search GetPlayableContent: find what the user asked for in their Music Assistant. */
public final class GetPlayableContentHandler implements MusicDirectiveHandler {

    private final HomeLocator homes;
    private final MusicContent music;
    private final AlexaItems items;
    private final EchoQueues echo;

    public GetPlayableContentHandler(HomeLocator homes, MusicContent music, AlexaItems items, EchoQueues echo) {
        this.homes = homes;
        this.music = music;
        this.items = items;
        this.echo = echo;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName("Alexa.Media.Search", "GetPlayableContent");
    }

    @Override
    public AlexaMessage handle(MusicRequest request) {
        // spoken names are read in the user's language ("neunzehnhundertvierundachtzig" → 1984)
        var query = SelectionCriteria.toQuery(request.payload(), request.explicitAllowed())
                .withLanguage(request.locale());
        Home home = homes.onlineHomeOf(request.userId());
        StreamBase.requireWorking(home);
        if (query.kind() == ContentKind.ECHO) {
            return AlexaMessage.answer(
                    "Alexa.Media.Search",
                    "GetPlayableContent",
                    "1.0",
                    new Payloads.PlayableContent(echo.content(request, home, query.name())));
        }
        MusicContent.Resolved found = music.find(request, home, query);
        return AlexaMessage.answer(
                "Alexa.Media.Search",
                "GetPlayableContent",
                "1.0",
                new Payloads.PlayableContent(items.content(found.contentId(), found.content())));
    }
}
