package io.musicassistant.alexa.music;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.music.model.AlexaMessage;

/**
 * One Music Skill API directive. Implementations are small and stateless; they are found by
 * {@link #directive()} in {@link MusicDirectiveRegistry}, whose key lookup is what ASK's
 * {@code canHandle} would be.
 */
public interface MusicDirectiveHandler {

    DirectiveName directive();

    AlexaMessage handle(MusicRequest request);
}
