package io.musicassistant.alexa.music;

import io.musicassistant.alexa.alexa.AlexaMessage;

/**
 * One Music Skill API directive. Implementations are small and stateless; they are found by
 * {@link #directive()} in {@link MusicDirectiveRegistry}.
 */
public interface MusicDirectiveHandler {

    DirectiveName directive();

    default boolean canHandle(MusicRequest request) {
        return directive().equals(request.directive());
    }

    AlexaMessage handle(MusicRequest request);
}
