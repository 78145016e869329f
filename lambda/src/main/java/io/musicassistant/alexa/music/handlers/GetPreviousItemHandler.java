package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.AlexaError;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.ItemReference;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Payloads;

/** Alexa.Audio.PlayQueue GetPreviousItem: the track before; at the start, Alexa.Audio ITEM_NOT_FOUND. */
public final class GetPreviousItemHandler implements MusicDirectiveHandler {

    private final PlayQueues queues;
    private final EchoQueues echo;

    public GetPreviousItemHandler(PlayQueues queues, EchoQueues echo) {
        this.queues = queues;
        this.echo = echo;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName("Alexa.Audio.PlayQueue", "GetPreviousItem");
    }

    @Override
    public AlexaMessage handle(MusicRequest request) {
        ItemReference ref = ItemReference.from(request.payload().get("currentItemReference"));
        if (EchoQueues.echoKey(ref.contentId()).isPresent()) {
            return AlexaMessage.answer(
                    "Alexa.Audio.PlayQueue",
                    "GetPreviousItem",
                    "1.0",
                    new Payloads.SingleItem(echo.previous(request, ref)));
        }
        PlayQueues.Session session = queues.open(request, ref);
        PlayQueues.Entry previous = queues.previous(session, queues.entry(session, ref.id()))
                .orElseThrow(() -> new AlexaException(
                        new AlexaError.Audio(AlexaError.Audio.ITEM_NOT_FOUND, "There is no previous item.", null)));
        return AlexaMessage.answer(
                "Alexa.Audio.PlayQueue",
                "GetPreviousItem",
                "1.0",
                new Payloads.SingleItem(queues.renderAndPrefetch(session, previous)));
    }
}
