package io.musicassistant.alexa.connector.echo;

import io.musicassistant.alexa.connector.platform.Delivery;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Tells the cloud that play was pressed on an Echo player ({@code play_requested}: its routine
 * trigger opens) and, a while later, that the trigger closes again ({@code play_request_reset}), so
 * that the next play opens it anew. The same route as the player reports (the relay API's events),
 * but not debounced with them: a trigger is a moment, not a state, and must not be folded into the
 * player's next change. One thread posts, so a reset never overtakes its request.
 */
public final class PlayRequests implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(PlayRequests.class);
    /** Long enough for Alexa to see the trigger open before it closes (docs/decisions.md). */
    static final Duration RESET_AFTER = Duration.ofSeconds(10);
    /** A trigger later than this would start the Echo long after the user pressed play: it is dropped. */
    static final Duration GIVE_UP = Duration.ofSeconds(30);
    /**
     * A removal is no moment and nothing reports it again (the player's config in MA, its only
     * record, is already gone): it is tried far longer than a trigger.
     */
    static final Duration REMOVAL_GIVE_UP = Duration.ofHours(1);

    private final Function<HomeEvents, Delivery> send;
    private final Duration resetAfter;
    private final Duration giveUp;
    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "echo-play-requests");
        t.setDaemon(true);
        return t;
    });
    /** The reset of every trigger that is open now, by player id. */
    private final Map<String, ScheduledFuture<?>> open = new HashMap<>();

    /** @param send posts events to the cloud (the relay API client's events) */
    public PlayRequests(Function<HomeEvents, Delivery> send) {
        this(send, RESET_AFTER);
    }

    PlayRequests(Function<HomeEvents, Delivery> send, Duration resetAfter) {
        this(send, resetAfter, GIVE_UP);
    }

    PlayRequests(Function<HomeEvents, Delivery> send, Duration resetAfter, Duration giveUp) {
        this.send = send;
        this.resetAfter = resetAfter;
        this.giveUp = giveUp;
    }

    /** Play was pressed on this Echo player: open its trigger (closing it first if still open). */
    public synchronized void requested(PlayerInfo player) {
        List<PlayerEvent> events = new ArrayList<>();
        ScheduledFuture<?> reset = open.remove(player.playerId());
        if (reset != null && reset.cancel(false)) {
            // still open from the last play: Alexa starts routines on a change, so close it first
            events.add(new PlayerEvent(PlayerEvent.PLAY_REQUEST_RESET, player.playerId(), player));
        }
        events.add(new PlayerEvent(PlayerEvent.PLAY_REQUESTED, player.playerId(), player));
        long deadline = System.nanoTime() + giveUp.toNanos();
        poster.execute(() -> post(events, deadline));
        open.put(player.playerId(), poster.schedule(() -> reset(player), resetAfter.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** An Echo player the user no longer names left Music Assistant: the cloud drops its trigger. */
    public void removed(String playerId) {
        long deadline = System.nanoTime() + REMOVAL_GIVE_UP.toNanos();
        poster.execute(() -> post(List.of(new PlayerEvent(PlayerEvent.REMOVED, playerId, null)), deadline));
    }

    private void reset(PlayerInfo player) {
        synchronized (this) {
            open.remove(player.playerId());
        }
        post(
                List.of(new PlayerEvent(PlayerEvent.PLAY_REQUEST_RESET, player.playerId(), player)),
                System.nanoTime() + giveUp.toNanos());
    }

    /** Posts until delivered or refused; events still queued behind another post at their deadline are dropped unsent. */
    private void post(List<PlayerEvent> events, long deadlineNanos) {
        if (System.nanoTime() > deadlineNanos) {
            LOG.warn("echo.trigger_dropped", "attempts", 0, "reason", "waited behind another post");
            return;
        }
        for (int attempt = 1; ; attempt++) {
            Delivery delivery;
            try {
                delivery = send.apply(new HomeEvents(events));
            } catch (RuntimeException e) {
                delivery = new Delivery.RetryLater(e.getClass().getSimpleName(), Duration.ZERO);
            }
            switch (delivery) {
                case Delivery.Delivered delivered -> {
                    LOG.info(
                            "echo.trigger_sent",
                            "type",
                            events.getLast().type(),
                            "player_id",
                            events.getLast().playerId());
                    return;
                }
                case Delivery.Refused refused -> {
                    LOG.warn("echo.trigger_refused", "reason", refused.reason());
                    return;
                }
                case Delivery.RetryLater later -> {
                    long wait = Math.max(
                            Duration.ofSeconds(1).toNanos(), later.retryAfter().toNanos());
                    if (System.nanoTime() + wait > deadlineNanos) {
                        LOG.warn("echo.trigger_dropped", "attempts", attempt, "reason", later.reason());
                        return;
                    }
                    try {
                        Thread.sleep(Duration.ofNanos(wait));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        poster.shutdownNow();
    }
}
