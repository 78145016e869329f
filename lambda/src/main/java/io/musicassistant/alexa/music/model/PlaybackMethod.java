package io.musicassistant.alexa.music.model;

import java.util.List;

/** Initiate's answer: an Alexa-managed queue, its controls and its first item. */
public record PlaybackMethod(String type, String id, List<Control> controls, Rules rules, Item firstItem) {

    public static final String ALEXA_AUDIO_PLAYER_QUEUE = "ALEXA_AUDIO_PLAYER_QUEUE";

    /** Queue-level rules. */
    public record Rules(Feedback feedback) {}

    /** Whether thumbs up/down is accepted for this queue. */
    public record Feedback(String type, boolean enabled) {}
}
