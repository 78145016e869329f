package io.musicassistant.alexa.local;

/** The user's Echo players in the connector's settings (placeholder until the connector's setting is merged). */
final class EchoPlayers {
    private EchoPlayers() {}

    static void remove(LocalStack stack, String echo) {
        throw new UnsupportedOperationException("TODO: " + echo);
    }
}
