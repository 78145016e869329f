package io.musicassistant.alexa.control.voice.handlers;

/** PlayInRoomIntent: "play {query} in the {room}", {query} a custom MUSIC_QUERY (a SearchQuery cannot share a sample). */
public final class PlayInRoomIntentHandler extends PlayIntentHandler {

    public PlayInRoomIntentHandler() {
        super("PlayInRoomIntent", QUERY, ROOM);
    }
}
