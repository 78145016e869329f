package io.musicassistant.alexa.music.model;

/** GetPlayableContent's answer: a long-lived content id plus what it is. */
public record Content(String id, Actions actions, MediaMetadata metadata) {

    /** What the user can do with the content. */
    public record Actions(boolean playable, boolean browsable) {}
}
