package io.musicassistant.alexa.masim;

import io.musicassistant.alexa.masim.auth.Tokens;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.auth.Users;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.ItemInfo;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.LibraryEditor;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import io.musicassistant.alexa.masim.library.NewAlbum;
import io.musicassistant.alexa.masim.player.PlayerConfig;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.PlayerState;
import io.musicassistant.alexa.masim.player.Playlog;
import io.musicassistant.alexa.masim.profile.Profile;
import io.musicassistant.alexa.masim.server.ReceivedCommand;
import io.musicassistant.alexa.masim.server.SimServer;
import io.musicassistant.alexa.masim.slimproto.SlimprotoServer;
import io.musicassistant.alexa.masim.stream.Pacing;
import io.musicassistant.alexa.masim.stream.StreamServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * A Music Assistant server simulator: MA's WebSocket API (spec: notes/ma-spec.md) over a seeded
 * library and a handful of simulated players, on 127.0.0.1. Next to it run MA's Slimproto server
 * (squeezelite provider), where clients become players, and the stream server that serves them
 * {@code /single/…} audio (see README, "Slimproto players and the stream server").
 *
 * <pre>{@code
 * try (MaSimulator ma = MaSimulator.start(MaSimulator.Options.defaults())) {
 *     connect(ma.wsUrl(), ma.userToken());
 * }
 * }</pre>
 */
public final class MaSimulator implements AutoCloseable {

    /** MA's server_id is a per-install uuid4 hex; a fixed one keeps test output stable. */
    public static final String SERVER_ID = "4fa0e2b1c3d54a9e8f7a6b5c4d3e2f10";

    /**
     * Start-up options. {@code port}/{@code httpPort}/{@code slimprotoPort}/{@code streamPort} 0
     * pick free ports.
     *
     * @param heartbeatInterval how often the server pings; clients that don't pong within half of
     *     it are dropped (MA: 25 s)
     * @param setupRequired simulate an MA without users: every connection gets the 503 frame
     * @param commandDelay how long every command handler waits before running
     * @param tokenSecret signing secret; with one, the seeded users' tokens are the same on every
     *     run (for a dev stack); null (default) signs with a random secret
     * @param slimprotoPort the Slimproto control port (MA: 3483)
     * @param streamPort the stream server's port (MA: 8097)
     * @param slimprotoHeartbeat how often {@code strm t} goes to each Slimproto client; a client
     *     silent for twice this long is dropped (aioslimproto: 5 s)
     * @param pacing how {@code /single} paces tracks of music services; null = the profile's
     *     (NEWEST: {@link Pacing#SINGLE_ITEM}, 60 s burst then 1.1×; STABLE_2_9: unpaced). Own
     *     files are never paced.
     * @param radioPacing how radio streams are paced (MA: {@link Pacing#NEAR_REALTIME})
     * @param generatedTracks 0: the seed library (27 artists, 50 albums, 544 tracks); otherwise the
     *     seed library grown to exactly this many tracks by {@link Library#generated(int, long)}
     * @param generatorSeed what the generated part is derived from; the same seed, the same library
     */
    public record Options(
            int port,
            int httpPort,
            Profile profile,
            Duration heartbeatInterval,
            boolean setupRequired,
            Duration commandDelay,
            String tokenSecret,
            int slimprotoPort,
            int streamPort,
            Duration slimprotoHeartbeat,
            Pacing pacing,
            Pacing radioPacing,
            int generatedTracks,
            long generatorSeed) {

        public Options {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
            Objects.requireNonNull(commandDelay, "commandDelay");
            Objects.requireNonNull(slimprotoHeartbeat, "slimprotoHeartbeat");
            Objects.requireNonNull(radioPacing, "radioPacing");
            if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
                throw new IllegalArgumentException("heartbeatInterval must be positive");
            }
            if (slimprotoHeartbeat.isNegative() || slimprotoHeartbeat.isZero()) {
                throw new IllegalArgumentException("slimprotoHeartbeat must be positive");
            }
            if (generatedTracks < 0) {
                throw new IllegalArgumentException("generatedTracks must be 0 (the seed library) or a track count");
            }
        }

        public static Options defaults() {
            return new Options(
                    0,
                    0,
                    Profile.STABLE_2_9,
                    Duration.ofSeconds(25),
                    false,
                    Duration.ZERO,
                    null,
                    0,
                    0,
                    Duration.ofSeconds(5),
                    null,
                    Pacing.NEAR_REALTIME,
                    0,
                    0L);
        }

        /** The pacing of music-service tracks in effect: {@link #pacing} or the profile's. */
        public Pacing effectivePacing() {
            if (pacing != null) {
                return pacing;
            }
            return profile == Profile.NEWEST ? Pacing.SINGLE_ITEM : Pacing.NONE;
        }

        public Options withPort(int value) {
            return new Options(
                    value,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withHttpPort(int value) {
            return new Options(
                    port,
                    value,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withProfile(Profile value) {
            return new Options(
                    port,
                    httpPort,
                    value,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withHeartbeatInterval(Duration value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    value,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withSetupRequired(boolean value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    value,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withCommandDelay(Duration value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    value,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withTokenSecret(String value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    value,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withSlimprotoPort(int value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    value,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withStreamPort(int value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    value,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        public Options withSlimprotoHeartbeat(Duration value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    value,
                    pacing,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        /** Pacing of music-service tracks; {@link Pacing#NONE} turns it off, null restores the profile's. */
        public Options withPacing(Pacing value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    value,
                    radioPacing,
                    generatedTracks,
                    generatorSeed);
        }

        /**
         * A big, realistic library: the seed library plus generated artists, albums, tracks,
         * genres, playlists and radios up to exactly {@code tracks} tracks (at least the seed's
         * 544), deterministic for {@code seed}. 50,000 tracks load in about a second.
         */
        public Options withGeneratedLibrary(int tracks, long seed) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    radioPacing,
                    tracks,
                    seed);
        }

        public Options withRadioPacing(Pacing value) {
            return new Options(
                    port,
                    httpPort,
                    profile,
                    heartbeatInterval,
                    setupRequired,
                    commandDelay,
                    tokenSecret,
                    slimprotoPort,
                    streamPort,
                    slimprotoHeartbeat,
                    pacing,
                    value,
                    generatedTracks,
                    generatorSeed);
        }
    }

    private final Options options;
    private final Library library;
    private final LibraryEditor editor;
    private final Tokens tokens;
    private final PlayerHub hub;
    private final SimServer server;
    private final StreamServer streams;
    private final SlimprotoServer slimproto;
    private final String adminToken;
    private final String userToken;
    private final String guestToken;

    private MaSimulator(Options options) {
        Clock clock = Clock.systemUTC();
        this.options = options;
        // every simulator edits its own copy, so library changes in one test never leak into another
        this.library = options.generatedTracks() > 0
                ? Library.generated(options.generatedTracks(), options.generatorSeed())
                : Library.fresh();
        this.editor = new LibraryEditor(library, clock);
        this.tokens = new Tokens(clock, options.tokenSecret());
        Playlog playlog = new Playlog(library, clock);
        editor.onDeleted(playlog::forget);
        this.hub = PlayerHub.seeded(library, clock, playlog);
        boolean stable = options.tokenSecret() != null;
        this.adminToken = stable
                ? tokens.issueStable(Users.ADMIN, "simulator admin")
                : tokens.issue(Users.ADMIN, "simulator admin", Tokens.LONG_LIVED, true);
        this.userToken = stable
                ? tokens.issueStable(Users.ALEXA_BRIDGE, "Alexa bridge")
                : tokens.issue(Users.ALEXA_BRIDGE, "Alexa bridge", Tokens.LONG_LIVED, true);
        this.guestToken = stable
                ? tokens.issueStable(Users.KIDS_ROOM, "Kids' room speaker")
                : tokens.issue(Users.KIDS_ROOM, "Kids' room speaker", Tokens.LONG_LIVED, true);
        this.server = SimServer.start(
                new SimServer.Config(
                        options.port(),
                        options.httpPort(),
                        options.profile(),
                        options.heartbeatInterval(),
                        options.setupRequired(),
                        options.commandDelay()),
                editor,
                hub,
                playlog,
                tokens,
                SERVER_ID);
        StreamServer startedStreams = null;
        try {
            startedStreams = StreamServer.start(
                    options.streamPort(), hub, options.profile(), options.effectivePacing(), options.radioPacing());
            this.streams = startedStreams;
            this.slimproto = SlimprotoServer.start(
                    options.slimprotoPort(), options.slimprotoHeartbeat(), hub, startedStreams::baseUrl);
        } catch (RuntimeException e) {
            if (startedStreams != null) {
                startedStreams.close();
            }
            server.close();
            throw e;
        }
    }

    public static MaSimulator start(Options options) {
        return new MaSimulator(options);
    }

    public static MaSimulator start() {
        return start(Options.defaults());
    }

    public Options options() {
        return options;
    }

    public Profile profile() {
        return options.profile();
    }

    /** {@code ws://127.0.0.1:<port>/ws}. */
    public String wsUrl() {
        return "ws://127.0.0.1:" + port() + "/ws";
    }

    /** The WebSocket port. */
    public int port() {
        return server.wsPort();
    }

    /** Base URL of the HTTP routes ({@code /info}, {@code /api}, {@code /imageproxy}); also MA's base_url. */
    public String httpBaseUrl() {
        return server.httpBaseUrl();
    }

    public int httpPort() {
        return server.httpPort();
    }

    public String serverId() {
        return SERVER_ID;
    }

    /** Long-lived token of "admin" (role admin). */
    public String adminToken() {
        return adminToken;
    }

    /** Long-lived token of "alexa-bridge" (role user): what the Alexa bridge should use. */
    public String userToken() {
        return userToken;
    }

    /** Long-lived token of "kids-room" (role guest, player_filter: Bedroom and Kitchen). */
    public String guestToken() {
        return guestToken;
    }

    /**
     * Issues another token for one of the simulator's users ("admin", "alexa-bridge",
     * "kids-room"); a negative lifetime gives an already expired token.
     */
    public String createToken(String username, Duration lifetime) {
        User user = Users.byUsername(username).orElseThrow(() -> new NoSuchElementException("no user " + username));
        return tokens.issue(user, "test token", lifetime, false);
    }

    /** Revokes a token; clients authenticated with it are disconnected, as MA does. */
    public void revokeToken(String token) {
        tokens.revoke(token).ifPresent(server::disconnectToken);
    }

    /** This simulator's library (its own copy: changes show here at once). */
    public Library library() {
        return library;
    }

    // ---------------------------------------------------------------- library changes (MA's events)

    /**
     * Adds an album with its tracks, and its artist when the library has no artist of that name,
     * emitting {@code media_item_added} for the new artist, the album and each track in that order
     * (controllers/media/albums.py {@code _add_library_item}, tracks.py). Returns the stored album.
     */
    public Album addAlbum(NewAlbum album) {
        return editor.addAlbum(album);
    }

    /**
     * Removes an album and its tracks, as {@code music/library/remove_item} does: one
     * {@code media_item_deleted} per track, then the album's. The artist stays.
     */
    public void removeAlbum(String albumId) {
        editor.remove(MediaType.ALBUM, albumId, true);
    }

    /**
     * Removes any library item by its {@code library://<type>/<id>} uri, recursively as MA does
     * (an artist takes its albums and tracks along).
     */
    public void removeItem(String uri) {
        MediaItem item = itemByUri(uri);
        editor.remove(item.mediaType(), item.itemId(), true);
    }

    /**
     * Changes an item's shared fields (e.g. {@code info -> info.withName("New name")}) and emits
     * {@code media_item_updated} with the item as stored afterwards.
     */
    public MediaItem updateItem(String uri, UnaryOperator<ItemInfo> change) {
        MediaItem item = itemByUri(uri);
        return editor.update(item.mediaType(), item.itemId(), change);
    }

    /** Renames an item (its sort name follows); emits {@code media_item_updated}. */
    public MediaItem renameItem(String uri, String newName) {
        return updateItem(uri, info -> info.withName(newName));
    }

    /**
     * MA's {@code set_favorite}: emits {@code media_item_updated} when the flag changes, nothing
     * when it already had that value.
     */
    public MediaItem setFavorite(String uri, boolean favorite) {
        MediaItem item = itemByUri(uri);
        return editor.setFavorite(item.mediaType(), item.itemId(), favorite);
    }

    private MediaItem itemByUri(String uri) {
        return library.itemByUri(uri).orElseThrow(() -> new NoSuchElementException("no library item " + uri));
    }

    /** How often a command was received (WebSocket and /api, unknown ones included; not "auth"). */
    public int commandCount(String command) {
        return server.commandCount(command);
    }

    /** Commands received, in arrival order, excluding "auth". */
    public List<String> commandLog() {
        return server.commandLog();
    }

    public void resetCounters() {
        server.resetCounters();
    }

    /** Delays every command handler (not auth); makes concurrency and timeouts testable. */
    public void setCommandDelay(Duration delay) {
        server.setCommandDelay(delay);
    }

    /** Delays one command only (overrides the global delay); {@code Duration.ZERO} removes it. */
    public void setCommandDelay(String command, Duration delay) {
        server.setCommandDelay(command, delay);
    }

    /** Drops every client connection abruptly (no close frame), like an MA restart. */
    public void disconnectAll() {
        server.disconnectAll();
    }

    /** Stops answering as MA would when stopped (clients dropped, connections refused); false starts it again. */
    public void setStopped(boolean stopped) {
        server.setStopped(stopped);
    }

    /** Every command received (not "auth"), with arguments and arrival time, oldest first. */
    public List<ReceivedCommand> receivedCommands() {
        return server.receivedCommands();
    }

    public int connectedClients() {
        return server.connectedClients();
    }

    /** The current state of a player. */
    public Optional<PlayerState> player(String playerId) {
        return hub.players().state(playerId);
    }

    /** Changes a player (e.g. {@code p -> p.withAvailable(false)}) and emits {@code player_updated}. */
    public PlayerState updatePlayer(String playerId, UnaryOperator<PlayerState> change) {
        return hub.players().update(playerId, change);
    }

    // ---------------------------------------------------------------- slimproto and streams

    /** The Slimproto control port players connect to (MA: 3483). */
    public int slimprotoPort() {
        return slimproto.port();
    }

    /** The stream server's port, the one every {@code strm s} names (MA: 8097). */
    public int streamPort() {
        return streams.port();
    }

    /** {@code http://127.0.0.1:<streamPort>}. */
    public String streamBaseUrl() {
        return streams.baseUrl();
    }

    /** MACs (= player ids) of the Slimproto clients that are connected and registered. */
    public List<String> slimprotoClients() {
        return slimproto.clients();
    }

    /**
     * Closes a Slimproto client's socket with a reset, as MA dropping the player; MA then
     * unregisters it ({@code player_removed}). False when no such client is connected.
     */
    public boolean dropSlimprotoClient(String mac) {
        return slimproto.drop(mac);
    }

    /**
     * What the simulator received from a Slimproto player and did about it ("HELO device 7
     * (receiver)", "STAT STMc", "RESP", "duplicate connection: dropped", …), oldest first.
     */
    public List<String> slimprotoLog(String mac) {
        return slimproto.log(mac);
    }

    /**
     * Whether {@code strm s} carries 127.0.0.1 as server_ip (as aioslimproto does with the
     * resolved stream host) instead of 0 (the default here: "same host as the control connection").
     */
    public void setSlimprotoExplicitServerIp(boolean value) {
        slimproto.setExplicitServerIp(value);
    }

    /** Requests the stream server received, whatever their outcome. */
    public int streamRequests() {
        return streams.requestCount();
    }

    /** {@code "GET /single/… 200"} per stream request, oldest first. */
    public List<String> streamRequestLog() {
        return streams.requestLog();
    }

    /** Changes the pacing of music-service tracks, also of streams already running. */
    public void setPacing(Pacing pacing) {
        streams.setTrackPacing(pacing);
    }

    /** Changes the pacing of radio streams, also of streams already running. */
    public void setRadioPacing(Pacing pacing) {
        streams.setRadioPacing(pacing);
    }

    /**
     * Caps every stream at this many bytes per second on top of the pacing, so a download takes
     * measurable time; 0 = no cap. Audio is 16000 bytes per second of playback.
     */
    public void setStreamRate(long bytesPerSecond) {
        streams.setRateLimit(bytesPerSecond);
    }

    /** A player's config as {@code config/players/get} returns it; also of players now gone. */
    public Optional<PlayerConfig> playerConfig(String playerId) {
        return hub.configs().get(playerId);
    }

    @Override
    public void close() {
        slimproto.close();
        streams.close();
        server.close();
    }

    /**
     * Runs the simulator until killed. Arguments: {@code --port N} (default 8095),
     * {@code --http-port N} (default 0 = any), {@code --profile stable|newest},
     * {@code --token-secret TEXT} (same tokens on every run), {@code --slimproto-port N} (default
     * 3483), {@code --stream-port N} (default 8097), {@code --generated-library TRACKS} (a library
     * of that many tracks instead of the seed's 544) with {@code --generated-seed N} (default 0).
     */
    public static void main(String[] args) throws InterruptedException {
        Options options =
                Options.defaults().withPort(8095).withSlimprotoPort(3483).withStreamPort(8097);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(require(value, "--port")));
                case "--http-port" -> options = options.withHttpPort(Integer.parseInt(require(value, "--http-port")));
                case "--profile" -> options = options.withProfile(Profile.parse(require(value, "--profile")));
                case "--token-secret" -> options = options.withTokenSecret(require(value, "--token-secret"));
                case "--slimproto-port" ->
                    options = options.withSlimprotoPort(Integer.parseInt(require(value, "--slimproto-port")));
                case "--stream-port" ->
                    options = options.withStreamPort(Integer.parseInt(require(value, "--stream-port")));
                case "--generated-library" ->
                    options = options.withGeneratedLibrary(
                            Integer.parseInt(require(value, "--generated-library")), options.generatorSeed());
                case "--generated-seed" ->
                    options = options.withGeneratedLibrary(
                            options.generatedTracks(), Long.parseLong(require(value, "--generated-seed")));
                case "--help", "-h" -> {
                    System.out.println("usage: MaSimulator [--port N] [--http-port N] [--profile stable|newest]"
                            + " [--token-secret TEXT] [--slimproto-port N] [--stream-port N]"
                            + " [--generated-library TRACKS [--generated-seed N]]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        MaSimulator simulator = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "masim-shutdown"));
        System.out.println("Music Assistant simulator " + options.profile() + " (schema "
                + options.profile().schemaVersion() + ")");
        System.out.println("ws_url=" + simulator.wsUrl());
        System.out.println("http_base_url=" + simulator.httpBaseUrl());
        System.out.println("library_tracks=" + simulator.library().trackCount());
        System.out.println("slimproto_port=" + simulator.slimprotoPort());
        System.out.println("stream_base_url=" + simulator.streamBaseUrl());
        // a local development token for a simulated server, printed on purpose
        System.out.println("user_token=" + simulator.userToken());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String require(String value, String flag) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
