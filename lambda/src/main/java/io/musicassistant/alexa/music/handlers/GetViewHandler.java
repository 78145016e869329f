package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.music.AlexaItems;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.ItemReference;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Payloads;
import java.util.List;

/** Alexa.Media.PlayQueue GetView: the current item and what comes next, for the Alexa app (≤ 10 items). */
public final class GetViewHandler implements MusicDirectiveHandler {

    /** Alexa keeps at most ten items of a view. */
    static final int VIEW_SIZE = 10;

    private final PlayQueues queues;
    private final AlexaItems items;
    private final EchoQueues echo;

    public GetViewHandler(PlayQueues queues, AlexaItems items, EchoQueues echo) {
        this.queues = queues;
        this.items = items;
        this.echo = echo;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName("Alexa.Media.PlayQueue", "GetView");
    }

    @Override
    public AlexaMessage handle(MusicRequest request) {
        ItemReference ref = ItemReference.from(request.payload().get("currentItemReference"));
        if (EchoQueues.echoKey(ref.contentId()).isPresent()) {
            // Only MA's current item is known: the view of an Echo queue is that item alone.
            EchoQueues.Step current = echo.current(request, ref, ref.id());
            return AlexaMessage.answer(
                    "Alexa.Audio.PlayQueue",
                    "GetView",
                    "1.0",
                    new Payloads.View(EchoQueues.controls(current.reply()), List.of(echo.render(current))));
        }
        PlayQueues.Session session = queues.open(request, ref);
        var entries = queues.view(session, queues.entry(session, ref.id()), VIEW_SIZE);
        return AlexaMessage.answer(
                "Alexa.Audio.PlayQueue",
                "GetView",
                "1.0",
                new Payloads.View(
                        items.queueControls(session.content(), session.state()),
                        queues.renderRenewingStreams(session, entries)));
    }
}
