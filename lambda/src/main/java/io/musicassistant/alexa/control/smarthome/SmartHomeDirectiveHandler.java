package io.musicassistant.alexa.control.smarthome;

import io.musicassistant.alexa.alexa.DirectiveName;
import java.util.Map;
import java.util.Set;

/**
 * The smart-home directives one handler answers. Declares their (namespace, name) keys, so that
 * {@link SmartHomeDirectiveRegistry} refuses a second handler for one and a test can hold them to
 * the interfaces discovery declares.
 */
public interface SmartHomeDirectiveHandler {

    Set<DirectiveName> directives();

    /** Whether the directive needs a linked user (everything but AcceptGrant, which carries its own grant). */
    default boolean needsUser() {
        return true;
    }

    /** The answer: a complete {@code {event, context?}} message. */
    Map<String, Object> handle(SmartHomeRequest request);
}
