package io.musicassistant.alexa.connector.echo;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.ma.MaException;
import io.musicassistant.alexa.connector.platform.Delivery;
import io.musicassistant.alexa.connector.slimproto.EchoMac;
import io.musicassistant.alexa.connector.slimproto.KeptPlayer;
import io.musicassistant.alexa.connector.slimproto.SlimprotoClient;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Echo devices' players in Music Assistant (issue 16, docs/echo-players.md): one Slimproto
 * player per name in {@code ECHO_PLAYERS}, shown as "<name> (Alexa)", with MA's power, volume and
 * mute controls set to none (Amazon offers no API to do any of them to an Echo). Play pressed on
 * one in MA opens its routine trigger; what the Echo then plays comes back as {@code echo.queue}
 * steps, and MA hears of its end. Echo players this home no longer names are removed from MA.
 */
public final class EchoPlayers implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(EchoPlayers.class);
    /** What every Echo player is set to in MA: visible, and no controls the Echo cannot honour. */
    static final Map<String, Object> SETTINGS =
            Map.of("hide_in_ui", false, "power_control", "none", "volume_control", "none", "mute_control", "none");

    static final Duration TICK = Duration.ofSeconds(1);
    /** After the Echo's item ran out: time for its next request before MA hears that playback ended. */
    static final Duration END_GRACE = Duration.ofSeconds(20);
    /** After a trigger: time for the routine to start the Echo before MA hears that nothing plays. */
    static final Duration NO_ROUTINE = Duration.ofSeconds(60);
    /** Stream starts this close to a trigger the Echo has not answered yet belong to the same press. */
    static final Duration TRIGGER_QUIET = Duration.ofSeconds(1);

    private static final Duration CALL = Duration.ofSeconds(4);
    /**
     * Ticks a removal MA refuses as "active player" is tried again: MA unregisters a Slimproto
     * player in a task after its connection closed, which the next tick can beat.
     */
    static final int REMOVE_RETRIES = 30;

    private final MaClient ma;
    private final String instanceId;
    private final PlayRequests requests;
    private final String maHost;
    private final int slimprotoPort;
    private final EchoNames names;
    /** Replaced whole on a change from the status page; readers take it as it is. */
    private volatile Map<String, EchoPlayer> byKey = Map.of();
    /** Per player: its connection stops when this says so (the whole connector closed, or the user removed it). */
    private final Map<String, AtomicBoolean> removed = new ConcurrentHashMap<>();

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "echo-players");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile boolean started;
    private volatile Runnable onChange = () -> {};
    /** Whether the configs of Echo players no longer named were removed (once per start: names change at a restart). */
    private volatile boolean cleanedUp;
    /** Ticks left to retry a removal MA refused while the player was still registered. */
    private volatile int removeRetries = REMOVE_RETRIES;

    /** The Echo players {@code settings} names; their triggers go through {@code send} (the relay API's events). */
    public EchoPlayers(
            MaClient ma,
            URI maUrl,
            int slimprotoPort,
            String instanceId,
            EchoNames names,
            Function<HomeEvents, Delivery> send) {
        this(ma, maUrl.getHost(), slimprotoPort, instanceId, names, new PlayRequests(send));
    }

    EchoPlayers(
            MaClient ma,
            String maHost,
            int slimprotoPort,
            String instanceId,
            EchoSettings settings,
            PlayRequests requests) {
        this(ma, maHost, slimprotoPort, instanceId, EchoNames.fixed(settings), requests);
    }

    EchoPlayers(
            MaClient ma, String maHost, int slimprotoPort, String instanceId, EchoNames names, PlayRequests requests) {
        this.ma = ma;
        this.maHost = maHost;
        this.slimprotoPort = slimprotoPort;
        this.instanceId = instanceId;
        this.requests = requests;
        this.names = names;
        Map<String, EchoPlayer> players = new LinkedHashMap<>();
        for (String name : names.initial()) {
            EchoPlayer player = player(name);
            players.put(player.key(), player);
        }
        byKey = Collections.unmodifiableMap(players);
    }

    private EchoPlayer player(String name) {
        String key = EchoSettings.key(name);
        String mac = EchoMac.of(instanceId, key);
        AtomicBoolean gone = new AtomicBoolean();
        removed.put(key, gone);
        return new EchoPlayer(
                name,
                playback -> new KeptPlayer(
                        ma,
                        new SlimprotoClient(maHost, slimprotoPort, mac, name + EchoMac.NAME_SUFFIX, playback),
                        SETTINGS,
                        "set this player's power, volume and mute control to none in Music Assistant",
                        () -> closed || gone.get()),
                this::userStarted);
    }

    /**
     * Connects every Echo player and keeps them connected while the connector runs; once Music
     * Assistant is there, Echo players this home no longer names leave it.
     *
     * @param libraryExported whether the library export runs: the routines' phrases need the Echo names in it
     */
    public void start(boolean libraryExported) {
        if (!libraryExported && !byKey.isEmpty()) {
            LOG.warn("echo.catalog_off", "hint", "CATALOG_EXPORT is false: Alexa cannot recognise the Echo names");
        }
        byKey.values().forEach(EchoPlayers::connect);
        started = true;
        ticks.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void connect(EchoPlayer player) {
        Thread.ofVirtual().name("echo-player-" + player.kept().client().mac()).start(player.kept()::keepConnected);
    }

    /** Runs after the status page changed the names (the library export, so the Echo's catalog entity follows). */
    public void onChange(Runnable then) {
        this.onChange = then;
    }

    /** Whether the status page may change the names (the setting names none). */
    public boolean editable() {
        return names.editable();
    }

    /**
     * Adds an Echo player from the status page: it connects to MA at once and is kept for the next
     * start. The problem with the name, or null.
     */
    public synchronized EchoSettings.Problem add(String name) {
        if (!names.editable()) {
            return new EchoSettings.Problem("read_only", name, null);
        }
        String clean = name.strip();
        List<String> next = new ArrayList<>(names());
        next.add(clean);
        EchoSettings.Problem problem = EchoSettings.problem(next);
        if (problem != null) {
            return problem;
        }
        names.save(next);
        EchoPlayer player = player(clean);
        Map<String, EchoPlayer> players = new LinkedHashMap<>(byKey);
        players.put(player.key(), player);
        byKey = Collections.unmodifiableMap(players);
        if (started) {
            connect(player);
        }
        LOG.info("echo.player_added", "echo", player.key());
        onChange.run();
        return null;
    }

    /**
     * Removes an Echo player from the status page: its connection ends and it leaves MA (and the
     * cloud hears {@code removed}) as an Echo no longer named does at start. The problem, or null.
     */
    public synchronized EchoSettings.Problem remove(String key) {
        if (!names.editable()) {
            return new EchoSettings.Problem("read_only", key, null);
        }
        EchoPlayer player = byKey.get(key);
        if (player == null) {
            return new EchoSettings.Problem("unknown_echo", key, null);
        }
        Map<String, EchoPlayer> players = new LinkedHashMap<>(byKey);
        players.remove(key);
        names.save(players.values().stream().map(EchoPlayer::name).toList());
        byKey = Collections.unmodifiableMap(players);
        removed.remove(key).set(true);
        player.kept().client().close();
        LOG.info("echo.player_removing", "echo", key);
        // MA is asked at the next tick, off the page's request; until then a failed look is tried again
        removeRetries = REMOVE_RETRIES;
        cleanedUp = false;
        onChange.run();
        return null;
    }

    /** Each Echo player for the status page: its name, its key, whether it is connected to MA, and what it does. */
    public List<Shown> shown() {
        long now = System.nanoTime();
        return byKey.values().stream()
                .map(p -> new Shown(p.name(), p.key(), p.kept().client().connected(), p.state(now)))
                .toList();
    }

    /** @param state {@code playing}, {@code requested} (a trigger awaits the Echo) or {@code idle} */
    public record Shown(String name, String key, boolean connected, String state) {}

    /** The Echo names, as the user gave them (the library export names one catalog entity after each). */
    public List<String> names() {
        return byKey.values().stream().map(EchoPlayer::name).toList();
    }

    Optional<EchoPlayer> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** How many Echo players are connected to Music Assistant now. */
    public long connectedPlayers() {
        return byKey.values().stream()
                .filter(p -> p.kept().client().connected())
                .count();
    }

    /**
     * MA started a stream no step asked for: the user pressed something in MA. A new play (the Echo
     * plays nothing, or its item left MA's queue: the queue was replaced) opens the routine trigger;
     * next, previous or a jump within the queue the Echo plays is honoured at its next track.
     */
    private void userStarted(EchoPlayer player) {
        Thread.ofVirtual().start(() -> {
            long now = System.nanoTime();
            EchoPlayer.Step playing = player.playing(now);
            if (playing != null && holds(player.kept().maId(), playing.queueItemId())) {
                LOG.info("echo.queue_moved", "echo", player.key());
                return;
            }
            if (!player.claimTrigger(now, TRIGGER_QUIET)) {
                LOG.info("echo.play_request_pending", "echo", player.key());
                return;
            }
            // the Echo will play this queue (the player's own) from what MA makes current
            LOG.info(
                    "echo.play_requested",
                    "echo",
                    player.key(),
                    "queue_id",
                    player.kept().maId());
            requests.requested(player.info(PlayerInfo.PLAYING));
        });
    }

    /** Whether MA's queue still holds the item; a failed look counts as no (a new play is the safer guess). */
    private boolean holds(String queueId, String queueItemId) {
        try {
            return queueId != null && EchoQueue.indexOf(ma, queueId, queueItemId) >= 0;
        } catch (RuntimeException e) {
            LOG.debug("echo.queue_lookup_failed", "error", e.getMessage());
            return false;
        }
    }

    private void tick() {
        if (!cleanedUp && ma.connected()) {
            cleanedUp = removeUnnamed();
        }
        long now = System.nanoTime();
        for (EchoPlayer player : byKey.values()) {
            if (player.endDue(now, END_GRACE, NO_ROUTINE)) {
                LOG.info("echo.playback_ended", "echo", player.key());
                player.kept().client().stat("STMu", 0); // MA sets the player idle
            }
        }
    }

    /**
     * Removes the configs of this home's Echo players that are no longer named (MA keeps them
     * otherwise); false when MA could not list them, or refused a removal because it has not yet
     * unregistered the player whose connection just closed (tried again at the next tick).
     */
    boolean removeUnnamed() {
        Set<String> named = macs();
        String ours = EchoMac.homePrefix(instanceId);
        List<String> unnamed = new ArrayList<>();
        try {
            for (JsonNode config : ma.call("config/players", Map.of(), CALL)) {
                String id = config.path("player_id").asText("");
                if (id.startsWith(ours) && !named.contains(id)) {
                    unnamed.add(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("echo.cleanup_failed", "error", e.getMessage());
            return false;
        }
        boolean done = true;
        for (String id : unnamed) {
            if (macs().contains(id)) {
                continue; // named again on the status page while MA listed them
            }
            try {
                ma.call("config/players/remove", Map.of("player_id", id), CALL);
                LOG.info("echo.player_removed", "player_id", id);
                requests.removed(id);
            } catch (RuntimeException e) {
                if (e instanceof MaException m && m.code() == MaException.ACTION_UNAVAILABLE && removeRetries > 0) {
                    removeRetries--;
                    done = false;
                    LOG.debug("echo.remove_deferred", "player_id", id, "error", e.getMessage());
                    continue;
                }
                LOG.warn(
                        "echo.remove_failed",
                        "player_id",
                        id,
                        "error",
                        e.getMessage(),
                        "fix",
                        "use a Music Assistant token of an admin, or remove the player in Music Assistant's settings");
            }
        }
        return done;
    }

    private Set<String> macs() {
        return byKey.values().stream().map(p -> p.kept().client().mac()).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        closed = true;
        ticks.shutdownNow();
        requests.close();
        byKey.values().forEach(p -> p.kept().client().close());
    }
}
