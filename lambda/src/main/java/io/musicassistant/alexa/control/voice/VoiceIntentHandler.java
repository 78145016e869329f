package io.musicassistant.alexa.control.voice;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The intents of the interaction models one handler answers. Declares them and the slots it reads,
 * so that {@link VoiceIntentRegistry} refuses a second handler for an intent and a test can hold the
 * models and the code to each other; failures propagate to {@link ErrorHandler}, which says them.
 */
public abstract class VoiceIntentHandler implements RequestHandler {

    private final Set<String> intents;
    private final Set<String> slots;

    protected VoiceIntentHandler(String intent, String... slots) {
        this(List.of(intent), slots);
    }

    /** A handler of several intents that differ only in data (a table); each intent reads the same slots. */
    protected VoiceIntentHandler(List<String> intents, String... slots) {
        // A LinkedHashSet, not Set.of: contains(null) must be false for a request whose intent has no name.
        this.intents = Collections.unmodifiableSet(new LinkedHashSet<>(intents));
        this.slots = Set.of(slots);
    }

    /** The intents' names in the interaction models; the registry's keys and what {@link #canHandle} matches. */
    public final Set<String> intents() {
        return intents;
    }

    /** The slots this handler reads; each must be declared on the intent in every model. */
    public final Set<String> slots() {
        return slots;
    }

    /** Like the SDK's {@code Predicates.intentName}, but an IntentRequest without an intent is no match rather than an NPE. */
    @Override
    public boolean canHandle(HandlerInput input) {
        return input.getRequestEnvelope().getRequest() instanceof IntentRequest r
                && r.getIntent() != null
                && intents.contains(r.getIntent().getName());
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        Turn turn = (Turn) input.getContext();
        Intent requested = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent();
        return Replies.build(input, turn, answer(input, turn, requested));
    }

    /** The answer; handlers that need the session (its attributes) override this one. */
    public Speech answer(HandlerInput input, Turn turn, Intent intent) {
        return answer(turn, intent);
    }

    /** The answer to {@code intent}; may throw a VoiceAnswer, or a failure for ErrorHandler to say. */
    public abstract Speech answer(Turn turn, Intent intent);
}
