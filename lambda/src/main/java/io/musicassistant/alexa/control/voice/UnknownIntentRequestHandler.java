package io.musicassistant.alexa.control.voice;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.request.Predicates;
import java.util.Optional;

/** Any intent no other handler knows (a newer model than this code, or a forged request): the fallback. Registered after every intent handler. */
public final class UnknownIntentRequestHandler implements RequestHandler {

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.requestType(IntentRequest.class));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        Turn turn = (Turn) input.getContext();
        return Replies.build(
                input,
                turn,
                Speech.ask(turn.messages().say("fallback"), turn.messages().say("fallback.reprompt")));
    }
}
