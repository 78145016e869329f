package io.musicassistant.alexa.masim.player;

/** A consistent snapshot of a {@code PlayerQueue} for serialization. */
public record QueueView(
        String queueId,
        boolean active,
        String displayName,
        boolean available,
        int items,
        boolean shuffleEnabled,
        RepeatMode repeatMode,
        boolean dontStopTheMusicEnabled,
        Integer currentIndex,
        Integer indexInBuffer,
        double elapsedTime,
        double elapsedTimeLastUpdated,
        PlaybackState state,
        QueueItem currentItem,
        QueueItem nextItem,
        Integer nextIndex,
        int resumePos,
        String activePlaylist) {}
