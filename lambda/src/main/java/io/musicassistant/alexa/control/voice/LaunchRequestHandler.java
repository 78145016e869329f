package io.musicassistant.alexa.control.voice;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.request.Predicates;
import java.util.Optional;

/**
 * "Alexa, open Music Assistant": a short welcome, once the account, the home and its players are
 * known to work (whatever is missing is said instead). Listing the players here tells Alexa the
 * room names for the rest of the session.
 */
public final class LaunchRequestHandler implements RequestHandler {

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.requestType(LaunchRequest.class));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        Turn turn = (Turn) input.getContext();
        turn.players();
        return Replies.build(
                input,
                turn,
                Speech.ask(turn.messages().say("welcome"), turn.messages().say("welcome.reprompt")));
    }
}
