package io.musicassistant.alexa.control.voice.handlers;

/** PlayInRoomIntent: "play {query} in the {room}", {query} a custom MUSIC_QUERY (a SearchQuery cannot share a sample). */
public final class PlayInRoomHandler extends PlayHandler {

    public PlayInRoomHandler() {
        super("PlayInRoomIntent", QUERY, ROOM);
    }
}
