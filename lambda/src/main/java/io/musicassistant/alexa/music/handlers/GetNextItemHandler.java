package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.ItemReference;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Payloads;

/** Alexa.Audio.PlayQueue GetNextItem: the next track, or the end of the queue. */
public final class GetNextItemHandler implements MusicDirectiveHandler {

    private final PlayQueues queues;
    private final EchoQueues echo;

    public GetNextItemHandler(PlayQueues queues, EchoQueues echo) {
        this.queues = queues;
        this.echo = echo;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName("Alexa.Audio.PlayQueue", "GetNextItem");
    }

    @Override
    public AlexaMessage handle(MusicRequest request) {
        ItemReference ref = ItemReference.from(request.payload().get("currentItemReference"));
        boolean userInitiated = Fields.bool(request.payload(), "isUserInitiated", false);
        if (EchoQueues.echoKey(ref.contentId()).isPresent()) {
            Payloads.NextItem payload = echo.next(request, ref, userInitiated)
                    .map(item -> new Payloads.NextItem(false, item))
                    .orElseGet(() -> new Payloads.NextItem(true, null));
            return AlexaMessage.answer("Alexa.Audio.PlayQueue", "GetNextItem", "1.0", payload);
        }
        PlayQueues.Session session = queues.open(request, ref);
        var next = queues.next(session, queues.entry(session, ref.id()), userInitiated);
        Payloads.NextItem payload = next.map(
                        entry -> new Payloads.NextItem(false, queues.renderAndPrefetch(session, entry)))
                .orElseGet(() -> new Payloads.NextItem(true, null));
        return AlexaMessage.answer("Alexa.Audio.PlayQueue", "GetNextItem", "1.0", payload);
    }
}
