package io.musicassistant.alexa.control.smarthome;

import io.musicassistant.alexa.alexa.DirectiveName;
import java.util.Map;

/** One smart-home directive; found by {@link #directive()} in the skill's registry. */
public interface SmartHomeDirectiveHandler {

    DirectiveName directive();

    /** Whether the directive needs a linked user (everything but AcceptGrant, which carries its own grant). */
    default boolean needsUser() {
        return true;
    }

    /** The answer: a complete {@code {event, context?}} message. */
    Map<String, Object> handle(SmartHomeRequest request);
}
