package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import io.musicassistant.alexa.control.voice.Replies;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import java.util.Optional;
import java.util.Set;

/**
 * One intent of the interaction models. Declares the slots it reads, so that a test can hold the
 * models and the code to each other; failures propagate to {@link ErrorHandler}, which says them.
 */
public abstract class VoiceIntentHandler implements RequestHandler {

    private final String intent;
    private final Set<String> slots;

    protected VoiceIntentHandler(String intent, String... slots) {
        this.intent = intent;
        this.slots = Set.of(slots);
    }

    /** The intent's name in the interaction models. */
    public final String intent() {
        return intent;
    }

    /** The slots this handler reads; each must be declared on the intent in every model. */
    public final Set<String> slots() {
        return slots;
    }

    /** Like the SDK's {@code Predicates.intentName}, but an IntentRequest without an intent is no match rather than an NPE. */
    @Override
    public boolean canHandle(HandlerInput input) {
        return input.getRequestEnvelope().getRequest() instanceof IntentRequest r && r.getIntent() != null
                && intent.equals(r.getIntent().getName());
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        Turn turn = (Turn) input.getContext();
        Intent requested = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent();
        return Replies.build(input, turn, answer(input, turn, requested));
    }

    /** The answer; handlers that need the session (its attributes) override this one. */
    protected Speech answer(HandlerInput input, Turn turn, Intent intent) {
        return answer(turn, intent);
    }

    /** The answer to {@code intent}; may throw a VoiceAnswer, or a failure for ErrorHandler to say. */
    public abstract Speech answer(Turn turn, Intent intent);
}
