package io.musicassistant.alexa.control.smarthome.capabilities;

import java.util.List;

/**
 * Every interface this skill knows, in the order endpoints declare them. A class of its own rather
 * than a constant of {@link Capability}: an interface whose initialiser creates its own implementations
 * can deadlock when two threads first touch the interface and one of them at once (Error Prone's
 * ClassInitializationDeadlock).
 */
public final class Capabilities {

    public static final List<Capability> ALL = List.of(
            new AlexaBase(),
            new EndpointHealth(),
            new PowerController(),
            new Speaker(),
            new PlaybackController(),
            new PlaybackStateReporter(),
            new ContactSensor());

    /**
     * What an Echo player's endpoint declares (issue 16): a contact sensor with its health, as
     * Amazon's ContactSensor documentation asks, and nothing a speaker has.
     */
    public static final List<Capability> TRIGGER = List.of(new AlexaBase(), new EndpointHealth(), new ContactSensor());

    private Capabilities() {}
}
