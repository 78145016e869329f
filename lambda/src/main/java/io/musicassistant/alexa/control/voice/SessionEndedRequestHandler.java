package io.musicassistant.alexa.control.voice;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.SessionEndedRequest;
import com.amazon.ask.request.Predicates;
import io.musicassistant.alexa.log.JsonLog;
import java.util.Optional;

/** SessionEndedRequest: Alexa ignores any answer, so the response is empty (no speech, no directives). */
public final class SessionEndedRequestHandler implements RequestHandler {

    private static final JsonLog LOG = JsonLog.get(SessionEndedRequestHandler.class);

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.requestType(SessionEndedRequest.class));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        SessionEndedRequest ended =
                (SessionEndedRequest) input.getRequestEnvelope().getRequest();
        LOG.info(
                "voice.session_ended",
                "reason",
                String.valueOf(ended.getReason()),
                "error",
                ended.getError() == null
                        ? null
                        : String.valueOf(ended.getError().getType()));
        return input.getResponseBuilder().build();
    }
}
