package io.musicassistant.alexa.control.voice;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import java.util.Optional;

/** Any other request type the SDK can read (the skill declares no interface that sends one): a short refusal. Registered last. */
public final class UnknownRequestHandler implements RequestHandler {

    @Override
    public boolean canHandle(HandlerInput input) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        Turn turn = (Turn) input.getContext();
        return Replies.build(input, turn, Speech.tell(turn.messages().say("bad.request")));
    }
}
