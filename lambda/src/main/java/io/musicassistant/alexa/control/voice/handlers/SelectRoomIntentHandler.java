package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Pending;
import io.musicassistant.alexa.control.voice.Replies;
import io.musicassistant.alexa.control.voice.Slots;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import java.util.Map;
import java.util.Optional;

/**
 * SelectRoomIntent: the answer to "Which room?" ("the kitchen"). Completes the intent that asked,
 * kept in the session as a {@link Pending}, with the room in the slot it asked about; without a
 * question pending, a bare room name means nothing and gets the fallback.
 */
public final class SelectRoomIntentHandler extends VoiceIntentHandler {

    private final Map<String, VoiceIntentHandler> handlers;

    /** {@code handlers}: the intents a question may come from, by name. */
    public SelectRoomIntentHandler(Map<String, VoiceIntentHandler> handlers) {
        super("SelectRoomIntent", PlayerIntentHandler.ROOM);
        this.handlers = Map.copyOf(handlers);
    }

    @Override
    public Speech answer(HandlerInput input, Turn turn, Intent intent) {
        Map<String, Object> session = Replies.sessionAttributes(input);
        Optional<Pending> pending =
                session == null ? Optional.empty() : Pending.fromAttribute(session.get(Pending.ATTRIBUTE));
        VoiceIntentHandler asking = pending.map(p -> handlers.get(p.intent())).orElse(null);
        if (asking == null || asking == this) {
            return answer(turn, intent);
        }
        Pending p = pending.get();
        Intent completed = Slots.completed(
                p, intent.getSlots() == null ? null : intent.getSlots().get(PlayerIntentHandler.ROOM));
        return asking.answer(input, turn, completed);
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        return Speech.ask(turn.messages().say("fallback"), turn.messages().say("fallback.reprompt"));
    }
}
