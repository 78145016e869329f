package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.AlexaError;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.ItemReference;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Payloads;

/** Alexa.Audio.PlayQueue JumpToItem: the user tapped an item of the queue view in the Alexa app. */
public final class JumpToItemHandler implements MusicDirectiveHandler {

    private final PlayQueues queues;
    private final EchoQueues echo;

    public JumpToItemHandler(PlayQueues queues, EchoQueues echo) {
        this.queues = queues;
        this.echo = echo;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName("Alexa.Audio.PlayQueue", "JumpToItem");
    }

    @Override
    public AlexaMessage handle(MusicRequest request) {
        ItemReference ref = ItemReference.from(request.payload().get("currentItemReference"));
        String target = Fields.text(request.payload(), "targetItemId", "");
        if (EchoQueues.echoKey(ref.contentId()).isPresent()) {
            EchoQueues.Step step;
            try {
                step = echo.current(request, ref, target);
            } catch (AlexaException e) {
                // Only "not MA's current item" is a bad target; a home that cannot stream stays what it is.
                if (!(e.error() instanceof AlexaError.Media m && AlexaError.Media.ITEM_NOT_FOUND.equals(m.type()))) {
                    throw e;
                }
                throw new AlexaException(
                        new AlexaError.Media(AlexaError.Media.INVALID_ITEM, "jump target is not in this queue"));
            }
            return AlexaMessage.answer(
                    "Alexa.Audio.PlayQueue", "JumpToItem", "1.0", new Payloads.SingleItem(echo.render(step)));
        }
        PlayQueues.Session session = queues.open(request, ref);
        PlayQueues.Entry entry;
        try {
            entry = queues.entry(session, target);
        } catch (AlexaException e) {
            throw new AlexaException(
                    new AlexaError.Media(AlexaError.Media.INVALID_ITEM, "jump target is not in this queue"));
        }
        return AlexaMessage.answer(
                "Alexa.Audio.PlayQueue",
                "JumpToItem",
                "1.0",
                new Payloads.SingleItem(queues.renderAndPrefetch(session, entry)));
    }
}
