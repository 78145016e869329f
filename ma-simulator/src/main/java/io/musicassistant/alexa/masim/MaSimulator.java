package io.musicassistant.alexa.masim;

import io.musicassistant.alexa.masim.auth.Tokens;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.auth.Users;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.PlayerState;
import io.musicassistant.alexa.masim.player.Playlog;
import io.musicassistant.alexa.masim.server.SimServer;
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
 * library and a handful of simulated players, on 127.0.0.1.
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
     * Start-up options. {@code port}/{@code httpPort} 0 pick free ports.
     *
     * @param heartbeatInterval how often the server pings; clients that don't pong within half of
     *     it are dropped (MA: 25 s)
     * @param setupRequired simulate an MA without users: every connection gets the 503 frame
     * @param commandDelay how long every command handler waits before running
     * @param tokenSecret signing secret; with one, the seeded users' tokens are the same on every
     *     run (for a dev stack); null (default) signs with a random secret
     */
    public record Options(int port, int httpPort, Profile profile, Duration heartbeatInterval, boolean setupRequired,
            Duration commandDelay, String tokenSecret) {

        public Options {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
            Objects.requireNonNull(commandDelay, "commandDelay");
            if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
                throw new IllegalArgumentException("heartbeatInterval must be positive");
            }
        }

        public static Options defaults() {
            return new Options(0, 0, Profile.STABLE_2_9, Duration.ofSeconds(25), false, Duration.ZERO, null);
        }

        public Options withPort(int value) {
            return new Options(value, httpPort, profile, heartbeatInterval, setupRequired, commandDelay, tokenSecret);
        }

        public Options withHttpPort(int value) {
            return new Options(port, value, profile, heartbeatInterval, setupRequired, commandDelay, tokenSecret);
        }

        public Options withProfile(Profile value) {
            return new Options(port, httpPort, value, heartbeatInterval, setupRequired, commandDelay, tokenSecret);
        }

        public Options withHeartbeatInterval(Duration value) {
            return new Options(port, httpPort, profile, value, setupRequired, commandDelay, tokenSecret);
        }

        public Options withSetupRequired(boolean value) {
            return new Options(port, httpPort, profile, heartbeatInterval, value, commandDelay, tokenSecret);
        }

        public Options withCommandDelay(Duration value) {
            return new Options(port, httpPort, profile, heartbeatInterval, setupRequired, value, tokenSecret);
        }

        public Options withTokenSecret(String value) {
            return new Options(port, httpPort, profile, heartbeatInterval, setupRequired, commandDelay, value);
        }
    }

    private final Options options;
    private final Library library;
    private final Tokens tokens;
    private final PlayerHub players;
    private final SimServer server;
    private final String adminToken;
    private final String userToken;
    private final String guestToken;

    private MaSimulator(Options options) {
        Clock clock = Clock.systemUTC();
        this.options = options;
        this.library = Library.seed();
        this.tokens = new Tokens(clock, options.tokenSecret());
        Playlog playlog = new Playlog(library, clock);
        this.players = PlayerHub.seeded(library, clock, playlog);
        boolean stable = options.tokenSecret() != null;
        this.adminToken = stable ? tokens.issueStable(Users.ADMIN, "simulator admin")
                : tokens.issue(Users.ADMIN, "simulator admin", Tokens.LONG_LIVED, true);
        this.userToken = stable ? tokens.issueStable(Users.ALEXA_BRIDGE, "Alexa bridge")
                : tokens.issue(Users.ALEXA_BRIDGE, "Alexa bridge", Tokens.LONG_LIVED, true);
        this.guestToken = stable ? tokens.issueStable(Users.KIDS_ROOM, "Kids' room speaker")
                : tokens.issue(Users.KIDS_ROOM, "Kids' room speaker", Tokens.LONG_LIVED, true);
        this.server = SimServer.start(new SimServer.Config(options.port(), options.httpPort(), options.profile(),
                options.heartbeatInterval(), options.setupRequired(), options.commandDelay()),
                library, players, playlog, tokens, SERVER_ID);
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

    public Library library() {
        return library;
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

    public int connectedClients() {
        return server.connectedClients();
    }

    /** The current state of a player. */
    public Optional<PlayerState> player(String playerId) {
        return players.state(playerId);
    }

    /** Changes a player (e.g. {@code p -> p.withAvailable(false)}) and emits {@code player_updated}. */
    public PlayerState updatePlayer(String playerId, UnaryOperator<PlayerState> change) {
        return players.update(playerId, change);
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * Runs the simulator until killed. Arguments: {@code --port N} (default 8095),
     * {@code --http-port N} (default 0 = any), {@code --profile stable|newest},
     * {@code --token-secret TEXT} (same tokens on every run).
     */
    public static void main(String[] args) throws InterruptedException {
        Options options = Options.defaults().withPort(8095);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(require(value, "--port")));
                case "--http-port" -> options = options.withHttpPort(Integer.parseInt(require(value, "--http-port")));
                case "--profile" -> options = options.withProfile(Profile.parse(require(value, "--profile")));
                case "--token-secret" -> options = options.withTokenSecret(require(value, "--token-secret"));
                case "--help", "-h" -> {
                    System.out.println("usage: MaSimulator [--port N] [--http-port N] [--profile stable|newest]"
                            + " [--token-secret TEXT]");
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
