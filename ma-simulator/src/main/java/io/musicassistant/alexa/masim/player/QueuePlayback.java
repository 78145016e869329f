package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.Radio;
import io.musicassistant.alexa.masim.library.Track;
import java.util.Optional;
import java.util.Random;

/**
 * The playback half of MA's player queues controller ({@code controllers/player_queues.py}, spec
 * §3.6): {@code play_index} and the commands built on it (stop, play, pause, next, previous, seek,
 * skip, resume), and what the stream side asks of a queue (its stream session, the next item when a
 * player has buffered the current one, the item that started). Each {@code play_index} starts a new
 * stream session. Every public method holds the hub's monitor.
 */
public final class QueuePlayback {

    /** A queue's stream session; {@code sessionId} is null before anything was played. */
    public record StreamSession(String sessionId, String startItemId, int seekPosition) {}

    private final PlayerHub hub;
    private final Playlog playlog;
    private final Random sessionRandom = new Random(20260901L);

    QueuePlayback(PlayerHub hub, Playlog playlog) {
        this.hub = hub;
        this.playlog = playlog;
    }

    /** player_queues/play_index; {@code index} is an int position or a queue_item_id. */
    public void playIndex(String queueId, Object index, int seekPosition, String username) {
        synchronized (hub) {
            QueueState queue = hub.queues.requireQueue(queueId);
            queue.resumePos = 0;
            int position = queue.position(index);
            queue.indexInBuffer = position;
            PlayerState player = hub.players.find(queueId);
            if (player == null) {
                throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + queueId + " is not available");
            }
            if (position < 0 || position >= queue.items.size()) {
                throw MaError.of(ErrorCode.MEDIA_NOT_FOUND, "No playable item found to start playback");
            }
            QueueItem item = queue.items.get(position);
            queue.currentIndex = position;
            double now = hub.now();
            queue.elapsed = seekPosition;
            queue.elapsedUpdated = now;
            PlayerState playing = player.withActiveSource(queueId)
                    .withPlaybackState(PlaybackState.PLAYING)
                    .withElapsed((double) seekPosition, now);
            boolean poweringOn = false;
            if (!"none".equals(player.device().powerControl())) {
                poweringOn = !Boolean.TRUE.equals(player.powered());
                playing = playing.withPowered(true);
            }
            hub.players.put(playing);
            // every play_index starts a new stream session; URLs of the previous one now 404
            queue.sessionId = newSessionId();
            queue.sessionItemId = item.queueItemId();
            queue.sessionSeek = seekPosition;
            hub.players.mediaStarted(queueId);
            playlog.record(username, item.mediaItem(), false, queueId);
            hub.signalQueue(queue, false);
            PlayerOutput output = hub.players.output(queueId);
            if (output != null) {
                // MA's player controller powers a player on before handing it the media
                if (poweringOn) {
                    output.power(true);
                }
                output.playMedia(new QueueStream(queueId, item, queue.sessionId, seekPosition));
            }
        }
    }

    /** MA: {@code shortuuid.random(8)}. */
    private String newSessionId() {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(alphabet.charAt(sessionRandom.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    public void stop(String queueId) {
        synchronized (hub) {
            PlayerState player = hub.players.requireAvailable(queueId);
            QueueState queue = hub.queues.find(queueId);
            if (queue != null && hub.queues.isActive(queue) && player.playbackState() == PlaybackState.PLAYING) {
                queue.resumePos = (int) hub.queues.correctedElapsed(queue);
            }
            hub.players.handleStop(queueId);
        }
    }

    public void play(String queueId, String username) {
        synchronized (hub) {
            PlayerState player = hub.players.requireAvailable(queueId);
            QueueState queue = hub.queues.find(queueId);
            if (queue != null && hub.queues.isActive(queue) && player.playbackState() == PlaybackState.PAUSED) {
                hub.players.handlePlay(queueId);
                return;
            }
            resume(queueId, username);
        }
    }

    /** player_queues/pause: an unknown queue is silently ignored. */
    public void pause(String queueId) {
        synchronized (hub) {
            QueueState queue = hub.queues.find(queueId);
            if (queue == null) {
                return;
            }
            PlayerState player = hub.players.find(queueId);
            if (player == null || !player.available()) {
                return; // players/cmd/pause ignores unavailable players
            }
            if (hub.queues.isActive(queue) && player.playbackState() == PlaybackState.PLAYING) {
                queue.resumePos = (int) hub.queues.correctedElapsed(queue);
            }
            hub.players.handlePause(queueId);
        }
    }

    public void playPause(String queueId, String username) {
        synchronized (hub) {
            QueueState queue = hub.queues.find(queueId);
            if (queue != null && hub.queues.queueState(queue) == PlaybackState.PLAYING) {
                pause(queueId);
                return;
            }
            play(queueId, username);
        }
    }

    public void next(String queueId, String username) {
        synchronized (hub) {
            QueueState queue = hub.queues.requireActive(queueId);
            if (queue.currentIndex == null) {
                return;
            }
            Integer next = queue.nextIndex(queue.currentIndex, true);
            if (next != null) {
                playIndex(queueId, next, 0, username);
            }
        }
    }

    public void previous(String queueId, String username) {
        synchronized (hub) {
            QueueState queue = hub.queues.requireActive(queueId);
            if (queue.currentIndex == null) {
                return;
            }
            int previous = queue.currentIndex;
            // MA restarts the current track when more than 5 seconds of it have played.
            if (hub.queues.correctedElapsed(queue) < 5) {
                previous = Math.max(previous - 1, 0);
            }
            playIndex(queueId, previous, 0, username);
        }
    }

    public void seek(String queueId, int position, String username) {
        synchronized (hub) {
            QueueState queue = hub.queues.requireActive(queueId);
            PlayerState player = hub.players.requireAvailable(queueId);
            QueueItem current = queue.currentItem();
            if (current == null) {
                throw MaError.of(ErrorCode.INVALID_COMMAND, "Queue " + player.name() + " has no item(s) loaded.");
            }
            Integer duration = durationOf(current.mediaItem());
            if (duration == null || duration == 0) {
                throw MaError.of(ErrorCode.INVALID_COMMAND, "Can not seek items without duration.");
            }
            int target = Math.max(0, position);
            if (target > duration) {
                throw MaError.of(ErrorCode.INVALID_COMMAND, "Can not seek outside of duration range.");
            }
            playIndex(queueId, queue.currentIndex, target, username);
        }
    }

    public void skip(String queueId, int seconds, String username) {
        synchronized (hub) {
            QueueState queue = hub.queues.requireActive(queueId);
            seek(queueId, (int) (hub.queues.correctedElapsed(queue) + seconds), username);
        }
    }

    public void resume(String queueId, String username) {
        synchronized (hub) {
            QueueState queue = hub.queues.requireQueue(queueId);
            QueueItem resumeItem = queue.currentItem();
            double resumePos;
            if (hub.queues.queueState(queue) == PlaybackState.PLAYING) {
                resumePos = hub.queues.correctedElapsed(queue);
            } else {
                resumePos = queue.resumePos != 0 ? queue.resumePos : queue.elapsed;
            }
            if (resumeItem == null && !queue.items.isEmpty()) {
                int index =
                        queue.currentIndex != null && queue.currentIndex < queue.items.size() ? queue.currentIndex : 0;
                resumeItem = queue.items.get(index);
                resumePos = 0;
            }
            if (resumeItem == null) {
                throw MaError.of(
                        ErrorCode.QUEUE_EMPTY,
                        "Resume queue requested but queue " + hub.queues.displayName(queue) + " is empty");
            }
            if (hub.players.find(queueId) == null) {
                throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + queueId + " is not available");
            }
            if (resumeItem.mediaItem() instanceof Radio) {
                resumePos = 0; // a live stream cannot be resumed at a position
            }
            playIndex(queueId, resumeItem.queueItemId(), (int) resumePos, username);
        }
    }

    // ---------------------------------------------------------------- the stream side

    /**
     * The stream session a queue's URLs must carry (MA's {@code PlayerQueueData.session_id}),
     * with the item and position {@code play_index} started. Empty for an unknown queue.
     */
    public Optional<StreamSession> streamSession(String queueId) {
        synchronized (hub) {
            QueueState queue = hub.queues.find(queueId);
            if (queue == null) {
                return Optional.empty();
            }
            return Optional.of(new StreamSession(queue.sessionId, queue.sessionItemId, queue.sessionSeek));
        }
    }

    /**
     * The player finished downloading its current item and wants the next one (slimproto STMd);
     * MA's answer is the queue's next item in the same stream session. Empty at the end of the
     * queue or when the queue is not the player's active source.
     */
    public Optional<QueueStream> nextStream(String playerId) {
        synchronized (hub) {
            QueueState queue = hub.queues.find(playerId);
            if (queue == null || !hub.queues.isActive(queue) || queue.sessionId == null) {
                return Optional.empty();
            }
            Integer base = queue.indexInBuffer != null ? queue.indexInBuffer : queue.currentIndex;
            if (base == null) {
                return Optional.empty();
            }
            Integer next = queue.nextIndex(base, false);
            if (next == null) {
                return Optional.empty();
            }
            queue.indexInBuffer = next;
            hub.signalQueue(queue, false);
            return Optional.of(new QueueStream(queue.queueId, queue.items.get(next), queue.sessionId, 0));
        }
    }

    /** Audio of this item started coming out of the player (slimproto STMs): it is now current. */
    public void streamStarted(String playerId, String queueItemId, int seekPosition) {
        synchronized (hub) {
            QueueState queue = hub.queues.find(playerId);
            PlayerState player = hub.players.find(playerId);
            if (queue == null || player == null) {
                return;
            }
            Integer index = queue.indexById(queueItemId);
            if (index == null) {
                return;
            }
            double now = hub.now();
            queue.currentIndex = index;
            if (queue.indexInBuffer == null || queue.indexInBuffer < index) {
                queue.indexInBuffer = index;
            }
            queue.elapsed = seekPosition;
            queue.elapsedUpdated = now;
            hub.players.mediaStarted(playerId);
            hub.players.put(player.withActiveSource(playerId)
                    .withPlaybackState(PlaybackState.PLAYING)
                    .withElapsed((double) seekPosition, now));
            hub.signalQueue(queue, false);
        }
    }

    /**
     * The player's own position report (slimproto STMt). Like MA, a report that merely confirms
     * the running clock updates the state without an event; one that moved the position by 5 s
     * or more (a stall, a seek) is published.
     */
    public void playerElapsed(String playerId, double seconds) {
        synchronized (hub) {
            PlayerState player = hub.players.find(playerId);
            if (player == null || player.playbackState() == PlaybackState.IDLE) {
                return;
            }
            double now = hub.now();
            Double projected = player.correctedElapsed(now);
            hub.players.put(player.withElapsed(seconds, now));
            if (projected == null || Math.abs(projected - seconds) >= 5) {
                hub.publish(playerId);
            } else {
                hub.refreshSilently(playerId);
            }
        }
    }

    /** Playback ran out (slimproto STMu, or the stream failed): idle, no current media. */
    public void playbackEnded(String playerId) {
        synchronized (hub) {
            PlayerState player = hub.players.find(playerId);
            if (player == null) {
                return;
            }
            hub.players.mediaEnded(playerId);
            hub.players.becomeIdle(playerId, player);
        }
    }

    // ---------------------------------------------------------------- for the players controller

    /** The player went idle: its active queue's position goes back to 0. */
    void positionReset(String playerId) {
        QueueState queue = hub.queues.find(playerId);
        if (queue != null && hub.queues.isActive(queue)) {
            queue.elapsed = 0;
            queue.elapsedUpdated = hub.now();
        }
    }

    /** The player paused: its active queue keeps the position. */
    void positionPaused(String playerId, double position, double now) {
        QueueState queue = hub.queues.find(playerId);
        if (queue != null && hub.queues.isActive(queue)) {
            queue.elapsed = position;
            queue.elapsedUpdated = now;
        }
    }

    private static Integer durationOf(MediaItem item) {
        return switch (item) {
            case Track track -> track.duration();
            case Radio radio -> null;
            default -> null;
        };
    }
}
