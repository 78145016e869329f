package io.musicassistant.alexa.music.model;

import java.util.List;

/** One entry of Alexa's play queue. {@code durationInMilliseconds} is null for live streams. */
public record Item(
        String id,
        PlaybackInfo playbackInfo,
        MediaMetadata metadata,
        Long durationInMilliseconds,
        List<Control> controls,
        Rules rules,
        Stream stream) {

    /** {@code DEFAULT} for ordinary tracks. */
    public record PlaybackInfo(String type) {}

    /** Item-level feedback switch. */
    public record Rules(boolean feedbackEnabled) {}

    /** Where the Echo fetches the audio, and until when that URL may be started. */
    public record Stream(String id, String uri, long offsetInMilliseconds, String validUntil) {}
}
