package io.musicassistant.alexa.music.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The payloads of the Music Skill API answers, one record each. */
public final class Payloads {

    private Payloads() {}

    /** {@code GetPlayableContent.Response}. */
    public record PlayableContent(Content content) {}

    /** {@code Initiate.Response}. */
    public record Initiate(PlaybackMethod playbackMethod) {}

    /** {@code GetNextItem.Response}: either a next item, or the end of the queue without one. */
    public record NextItem(@JsonProperty("isQueueFinished") boolean isQueueFinished, Item item) {}

    /** {@code GetPreviousItem.Response}, {@code JumpToItem.Response}, {@code GetItem.Response}. */
    public record SingleItem(Item item) {}

    /** {@code GetView.Response}: at most ten items, the current one first. */
    public record View(List<Control> queueControls, List<Item> items) {}

    /** {@code Alexa.UserPreference.Audio ReceiveFeedback.Response} asking Alexa to skip. */
    public record Skip(boolean skip) {}
}
