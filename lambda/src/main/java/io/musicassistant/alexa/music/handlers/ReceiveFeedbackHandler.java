package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.model.AlexaMessage;
import io.musicassistant.alexa.music.model.Payloads;

/**
 * Alexa.UserPreference ReceiveFeedback ("Alexa, I don't like this"): a thumbs down skips the
 * track; a thumbs up is acknowledged. Feedback is not yet written back to Music Assistant.
 */
public final class ReceiveFeedbackHandler implements MusicDirectiveHandler {

    private static final JsonLog LOG = JsonLog.get(ReceiveFeedbackHandler.class);

    @Override
    public DirectiveName directive() {
        return new DirectiveName("Alexa.UserPreference", "ReceiveFeedback");
    }

    @Override
    public AlexaMessage handle(MusicRequest request) {
        String value = Fields.text(request.payload().path("feedback"), "value", "");
        LOG.info("music.feedback", "value", value);
        return switch (value) {
            case "NEGATIVE" ->
                AlexaMessage.answer("Alexa.UserPreference.Audio", "ReceiveFeedback", "2.0", new Payloads.Skip(true));
            case "POSITIVE" -> AlexaMessage.emptyResponse("2.0");
            default -> throw AlexaException.invalidDirective("feedback.value must be POSITIVE or NEGATIVE");
        };
    }
}
