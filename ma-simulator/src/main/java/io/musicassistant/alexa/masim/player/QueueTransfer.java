package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code player_queues/transfer} (player_queues.py): the items, settings and position move to the
 * target queue and the source stops. Called with the hub's monitor held.
 */
final class QueueTransfer {

    private QueueTransfer() {}

    static void run(
            PlayerQueues queues,
            PlayerHub hub,
            QueueItems items,
            String sourceId,
            String targetId,
            Boolean autoPlay,
            String username) {
        QueueState source = queues.find(sourceId);
        if (source == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Queue " + sourceId + " is not available");
        }
        QueueState target = queues.find(targetId);
        if (target == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Queue " + targetId + " is not available");
        }
        boolean play = autoPlay != null ? autoPlay : queues.queueState(source) == PlaybackState.PLAYING;
        if (hub.players.find(targetId) == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + targetId + " is not available");
        }
        List<QueueItem> moved =
                source.items.stream().map(i -> i.withQueueId(targetId)).toList();
        target.repeat = source.repeat;
        target.shuffle = source.shuffle;
        target.dontStopTheMusic = source.dontStopTheMusic;
        target.enqueuedNames.clear();
        target.enqueuedNames.addAll(source.enqueuedNames);
        target.resumePos = (int) queues.correctedElapsed(source);
        Integer currentIndex = source.currentIndex;
        queues.clear(sourceId, false);
        target.items.clear();
        target.currentIndex = currentIndex;
        items.replace(target, new ArrayList<>(moved));
        if (play) {
            hub.playback.resume(targetId, username);
        }
    }
}
