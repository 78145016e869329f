package io.musicassistant.alexa.control.voice;

import com.amazon.ask.dispatcher.exception.ExceptionHandler;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import java.util.Optional;

/** Says whatever stopped a handler (see {@link Failures}); the players it listed on the way are still pushed to Alexa. */
public final class ErrorHandler implements ExceptionHandler {

    @Override
    public boolean canHandle(HandlerInput input, Throwable throwable) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input, Throwable throwable) {
        Turn turn = (Turn) input.getContext();
        return Replies.build(input, turn, Failures.speech(turn.messages(), throwable));
    }
}
