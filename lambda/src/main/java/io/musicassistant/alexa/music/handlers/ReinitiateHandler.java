package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.music.AlexaItems;
import io.musicassistant.alexa.music.MusicContent;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.relay.HomeLocator;

/**
 * Alexa.Media.Playback Reinitiate: Amazon documents it for moving playback to another device but
 * publishes no shape; it carries a contentId like Initiate, so it is answered like one.
 */
public final class ReinitiateHandler extends InitiateHandler {

    public ReinitiateHandler(HomeLocator homes, MusicContent music, PlayQueues queues, AlexaItems items) {
        super("Reinitiate", homes, music, queues, items);
    }
}
