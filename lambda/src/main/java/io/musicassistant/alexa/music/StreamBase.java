package io.musicassistant.alexa.music;

import io.musicassistant.alexa.alexa.AlexaError;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.relay.Home;

/**
 * Refuses to hand Echo a URL it cannot fetch. A home whose connector reports that its public stream
 * base fails the self-test gets ACCOUNT_PROBLEM (the setup needs the owner's attention, and the type
 * does not make Alexa ask for re-linking) instead of a queue that would fail at the first track.
 */
public final class StreamBase {

    private StreamBase() {}

    public static void requireWorking(Home home) {
        if (home.streamProblem() != null) {
            throw new AlexaException(new AlexaError.General(
                    AlexaError.General.ACCOUNT_PROBLEM,
                    "the home's stream base fails its self-test (" + home.streamProblem()
                            + "); Echo devices could not fetch audio from it"));
        }
    }
}
