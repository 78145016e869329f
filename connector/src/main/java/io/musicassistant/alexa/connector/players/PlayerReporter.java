package io.musicassistant.alexa.connector.players;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.platform.Delivery;
import io.musicassistant.alexa.connector.slimproto.EchoMac;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tells the cloud when players change, so that Alexa's view (the app, routines) stays current.
 * Music Assistant pushes {@code player_added/updated/removed} (controllers/players/controller.py);
 * bursts (a volume ramp, several fields of one change) are debounced, and only changes Alexa can
 * see are sent: a new track or elapsed time alone is not news for the smart-home skill.
 */
public final class PlayerReporter implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(PlayerReporter.class);
    /** Quiet time after the last event before a batch goes out. */
    static final Duration QUIET = Duration.ofMillis(80);
    /** A steady stream of events still goes out at least this often. */
    static final Duration MAX_DELAY = Duration.ofMillis(250);

    private static final Duration RETRY = Duration.ofSeconds(5);

    private final Function<HomeEvents, Delivery> send;
    private final Duration retry;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "player-reporter");
        t.setDaemon(true);
        return t;
    });
    /** What the cloud last heard of each player, as the projection Alexa sees. */
    private final Map<String, Reportable> sent = new HashMap<>();

    private final Map<String, PlayerEvent> pending = new LinkedHashMap<>();
    /** What the post under way carries (only the reporter's one thread posts). */
    private final Map<String, PlayerEvent> inFlight = new HashMap<>();
    /** When each player last had news from MA's events, as a count of events (see {@link #mark()}). */
    private final Map<String, Long> touched = new HashMap<>();

    private long events;
    private ScheduledFuture<?> flush;
    private long firstPendingNanos;
    /** Whether news is waiting for a batch that has not left yet. */
    private boolean batchOpen;
    /** After a failed post: no new attempt before this (System.nanoTime()). */
    private long retryNotBeforeNanos;

    private boolean retrying;

    /** @param send posts a batch to the cloud and says how it went (the relay API client's events) */
    public PlayerReporter(Function<HomeEvents, Delivery> send) {
        this(send, RETRY);
    }

    /** With another wait after a failed post than the default 5 s (tests). */
    PlayerReporter(Function<HomeEvents, Delivery> send, Duration retry) {
        this.send = send;
        this.retry = retry;
    }

    /** The part of a player Alexa sees; equal projections mean nothing to report. */
    record Reportable(
            String name,
            String type,
            boolean available,
            boolean powered,
            Integer volume,
            Boolean muted,
            String state,
            List<String> features,
            List<String> members) {
        static Reportable of(PlayerInfo p) {
            return new Reportable(
                    p.name(),
                    p.type(),
                    p.available(),
                    p.powered(),
                    p.volumeLevel(),
                    p.muted(),
                    p.playbackState(),
                    p.features(),
                    p.groupMembers());
        }
    }

    /** An event from Music Assistant's WebSocket. */
    public void onEvent(String event, String objectId, JsonNode data) {
        switch (event) {
            case "player_added", "player_updated" -> {
                if (data != null && data.isObject() && MaPlayers.offered(data)) {
                    PlayerInfo player = MaPlayers.read(data);
                    queue(player, event.equals("player_added") ? PlayerEvent.ADDED : PlayerEvent.CHANGED);
                } else if (data != null && data.isObject() && objectId != null) {
                    hidden(objectId); // disabled, hidden or a protocol player: Alexa should forget it
                }
            }
            case "player_removed" -> {
                // An Echo player leaves MA whenever the connector stops; its routine's trigger must stay
                // (the connector reports its removal itself when the user no longer names the Echo).
                if (objectId != null && !objectId.startsWith(EchoMac.PREFIX)) {
                    removed(objectId);
                }
            }
            default -> {}
        }
    }

    /**
     * After (re)connecting: the current players are the news, because changes made while the
     * connection was down were never heard. The cloud drops what it already knows.
     */
    public synchronized void resync(List<PlayerInfo> players) {
        resync(players, Long.MAX_VALUE);
    }

    /**
     * Tells the cloud about every player after Music Assistant (re)connects. Events that arrive while
     * the list is fetched are newer than it and win; a failed listing is tried again while MA stays
     * connected. Blocks: run it off the connection's thread.
     */
    public void resyncAfterConnecting(Supplier<PlayerControl> playersRef, Supplier<MaClient> maRef) {
        for (int attempt = 1; attempt <= 6; attempt++) {
            PlayerControl players = playersRef.get();
            MaClient ma = maRef.get();
            try {
                if (players != null && ma != null) {
                    long mark = mark();
                    resync(players.list(), mark);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "players.resync_failed",
                        "attempt",
                        attempt,
                        "error",
                        e.getClass().getSimpleName());
            }
            try {
                Thread.sleep(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                return;
            }
            if (maRef.get() != null && !maRef.get().connected()) {
                return; // the next connection resyncs
            }
        }
    }

    /** Where the event stream is now: take it before listing the players for {@link #resync(List, long)}. */
    public synchronized long mark() {
        return events;
    }

    /**
     * As {@link #resync(List)}, for a list fetched after {@link #mark()} returned {@code mark}: a
     * player with event news since then keeps that news, which is newer than the list.
     */
    public synchronized void resync(List<PlayerInfo> listed, long mark) {
        List<PlayerInfo> players = listed.stream()
                .filter(p -> touched.getOrDefault(p.playerId(), -1L) < mark)
                .toList();
        Set<String> current = new HashSet<>();
        listed.forEach(p -> current.add(p.playerId()));
        players.forEach(p -> current.add(p.playerId()));
        // players the cloud heard of (or was about to) that are gone now: removed while nobody listened
        Set<String> known = new HashSet<>(sent.keySet());
        known.addAll(pending.keySet());
        known.addAll(inFlight.keySet());
        known.removeIf(id -> !known(id) || touched.getOrDefault(id, -1L) >= mark || id.startsWith(EchoMac.PREFIX));
        players.forEach(p -> sent.remove(p.playerId()));
        known.forEach(sent::remove);
        for (String id : known) {
            if (!current.contains(id)) {
                pending.put(id, new PlayerEvent(PlayerEvent.REMOVED, id, null));
            }
        }
        for (PlayerInfo p : players) {
            PlayerEvent earlier = pending.get(p.playerId());
            String kind = earlier != null && earlier.type().equals(PlayerEvent.ADDED)
                    ? PlayerEvent.ADDED
                    : PlayerEvent.CHANGED;
            pending.put(p.playerId(), new PlayerEvent(kind, p.playerId(), news(p)));
        }
        if (!pending.isEmpty()) {
            schedule();
        }
    }

    private synchronized void queue(PlayerInfo player, String type) {
        touched.put(player.playerId(), events++);
        Reportable now = Reportable.of(player);
        if (type.equals(PlayerEvent.CHANGED)
                && !pending.containsKey(player.playerId())
                && now.equals(lastTold(player.playerId()))) {
            return;
        }
        PlayerEvent earlier = pending.get(player.playerId());
        String kind = earlier != null && earlier.type().equals(PlayerEvent.ADDED) ? PlayerEvent.ADDED : type;
        pending.put(player.playerId(), new PlayerEvent(kind, player.playerId(), news(player)));
        schedule();
    }

    private synchronized void removed(String playerId) {
        touched.put(playerId, events++);
        pending.put(playerId, new PlayerEvent(PlayerEvent.REMOVED, playerId, null));
        schedule();
    }

    /**
     * A player that is no longer offered: removed, if the cloud knows it or is about to hear of it.
     * MA keeps sending updates of hidden players; those are nobody's news.
     */
    private synchronized void hidden(String playerId) {
        if (known(playerId)) {
            removed(playerId);
        }
    }

    /** A player as the cloud hears of it: what is playing stays home (Alexa's reports do not carry it). */
    static PlayerInfo news(PlayerInfo p) {
        return new PlayerInfo(
                p.playerId(),
                p.name(),
                p.type(),
                p.available(),
                p.powered(),
                p.volumeLevel(),
                p.muted(),
                p.playbackState(),
                p.features(),
                p.groupMembers(),
                null);
    }

    /** What the cloud will know of a player once the post under way (if any) arrives. */
    private Reportable lastTold(String playerId) {
        PlayerEvent underWay = inFlight.get(playerId);
        if (underWay != null) {
            return underWay.player() == null ? null : Reportable.of(underWay.player());
        }
        return sent.get(playerId);
    }

    /** Whether the cloud knows the player, or will once the news pending or under way arrives. */
    private boolean known(String playerId) {
        PlayerEvent next = pending.containsKey(playerId) ? pending.get(playerId) : inFlight.get(playerId);
        return next != null ? !next.type().equals(PlayerEvent.REMOVED) : sent.containsKey(playerId);
    }

    private void schedule() {
        long now = System.nanoTime();
        if (!batchOpen) {
            // the first news since the last batch left: the quiet time and the longest delay count from here
            firstPendingNanos = now;
            batchOpen = true;
        }
        if (flush != null) {
            flush.cancel(false); // a flush already posting runs on; the next one is scheduled below
        }
        long waited = now - firstPendingNanos;
        long delay = Math.max(0, Math.min(QUIET.toNanos(), MAX_DELAY.toNanos() - waited));
        if (retrying) {
            // new news does not hurry a retry of a cloud that just failed
            delay = Math.max(delay, retryNotBeforeNanos - now);
        }
        flush = timer.schedule(this::flush, delay, TimeUnit.NANOSECONDS);
    }

    private void flush() {
        List<PlayerEvent> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(pending.values());
            inFlight.putAll(pending);
            pending.clear();
            batchOpen = false;
        }
        for (int from = 0; from < batch.size(); from += HomeEvents.MAX_EVENTS) {
            List<PlayerEvent> part = batch.subList(from, Math.min(batch.size(), from + HomeEvents.MAX_EVENTS));
            switch (post(part)) {
                case Delivery.Delivered delivered -> {
                    synchronized (this) {
                        retrying = false;
                        for (PlayerEvent e : part) {
                            inFlight.remove(e.playerId());
                            if (e.type().equals(PlayerEvent.REMOVED)) {
                                sent.remove(e.playerId());
                            } else {
                                sent.put(e.playerId(), Reportable.of(e.player()));
                            }
                        }
                    }
                }
                case Delivery.Refused refused -> {
                    // The cloud refuses these events for good; sending them again would only block later news.
                    LOG.warn("players.report_refused", "events", part.size(), "reason", refused.reason());
                    synchronized (this) {
                        part.forEach(event -> inFlight.remove(event.playerId()));
                    }
                }
                case Delivery.RetryLater later -> {
                    LOG.warn("players.report_failed", "events", part.size(), "reason", later.reason());
                    retryLater(batch.subList(from, batch.size()), later.retryAfter());
                    return;
                }
            }
        }
        LOG.debug("players.reported", "events", batch.size());
    }

    /** An event that could not be sent goes back; a newer one for the same player wins, but an addition stays one. */
    private void keep(PlayerEvent failed) {
        PlayerEvent newer = pending.get(failed.playerId());
        if (newer == null) {
            pending.put(failed.playerId(), failed);
        } else if (failed.type().equals(PlayerEvent.ADDED) && newer.type().equals(PlayerEvent.CHANGED)) {
            pending.put(failed.playerId(), new PlayerEvent(PlayerEvent.ADDED, newer.playerId(), newer.player()));
        }
    }

    /** Sends one part; a sender that throws (a bug, not the cloud's answer) counts as a failure worth a retry. */
    private Delivery post(List<PlayerEvent> part) {
        try {
            return send.apply(new HomeEvents(part));
        } catch (RuntimeException e) {
            return new Delivery.RetryLater(e.getClass().getSimpleName() + ": " + e.getMessage(), Duration.ZERO);
        }
    }

    /** Keeps the news of a failed part and of every later one, and tries again later. */
    private synchronized void retryLater(List<PlayerEvent> unsent, Duration retryAfter) {
        for (PlayerEvent event : unsent) {
            inFlight.remove(event.playerId());
            keep(event);
        }
        long wait = Math.max(
                retry.toNanos(),
                Duration.ofSeconds(Math.min(retryAfter.toSeconds(), 300)).toNanos());
        retrying = true;
        retryNotBeforeNanos = System.nanoTime() + wait;
        if (flush != null) {
            flush.cancel(false);
        }
        flush = timer.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
    }

    /** Nothing waits to be reported and no post is under way (tests). */
    synchronized boolean idle() {
        return pending.isEmpty() && inFlight.isEmpty();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
