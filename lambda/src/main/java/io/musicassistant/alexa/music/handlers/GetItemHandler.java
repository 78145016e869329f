package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.ItemReference;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Payloads;

/**
 * Alexa.Media.PlayQueue GetItem: Alexa asks again for an item whose stream URL expired (after a
 * long pause). Answered on Alexa.Audio.PlayQueue, as Amazon's own example does; rendering renews
 * the URL when it is close to expiry.
 */
public final class GetItemHandler implements MusicDirectiveHandler {

    private final PlayQueues queues;
    private final EchoQueues echo;

    public GetItemHandler(PlayQueues queues, EchoQueues echo) {
        this.queues = queues;
        this.echo = echo;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName("Alexa.Media.PlayQueue", "GetItem");
    }

    @Override
    public AlexaMessage handle(MusicRequest request) {
        ItemReference ref = ItemReference.from(request.payload().get("targetItemReference"));
        if (EchoQueues.echoKey(ref.contentId()).isPresent()) {
            return AlexaMessage.answer(
                    "Alexa.Audio.PlayQueue",
                    "GetItem",
                    "1.0",
                    new Payloads.SingleItem(echo.render(echo.current(request, ref, ref.id()))));
        }
        PlayQueues.Session session = queues.open(request, ref);
        return AlexaMessage.answer(
                "Alexa.Audio.PlayQueue",
                "GetItem",
                "1.0",
                new Payloads.SingleItem(queues.renderAndPrefetch(session, queues.entry(session, ref.id()))));
    }
}
