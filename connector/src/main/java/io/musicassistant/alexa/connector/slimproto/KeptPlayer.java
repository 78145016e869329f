package io.musicassistant.alexa.connector.slimproto;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.ma.MaException;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One Slimproto player of the connector kept connected to Music Assistant: it reconnects with
 * backoff, finds its id in MA (its MAC, or a Universal Player wrapping it) and saves its settings
 * once per connection. Shared by the stream players' pool and the Echo players.
 */
public final class KeptPlayer {

    private static final JsonLog LOG = JsonLog.get(KeptPlayer.class);
    static final Duration CALL = Duration.ofSeconds(10);

    private final MaClient ma;
    private final SlimprotoClient client;
    private final Map<String, Object> settings;
    private final String fix;
    private final BooleanSupplier closed;
    private final Object reconnected = new Object();
    private volatile String maId;
    private volatile long configuredGeneration = -1;

    /**
     * @param settings what {@code config/players/save} sets on the player
     * @param fix what a user without an admin token must set by hand (logged when saving is refused)
     */
    public KeptPlayer(
            MaClient ma, SlimprotoClient client, Map<String, Object> settings, String fix, BooleanSupplier closed) {
        this.ma = ma;
        this.client = client;
        this.settings = Map.copyOf(settings);
        this.fix = fix;
        this.closed = closed;
    }

    public SlimprotoClient client() {
        return client;
    }

    /** The player's id in Music Assistant once found (its MAC, or the Universal Player wrapping it), else null. */
    public String maId() {
        return maId;
    }

    /** Connects and keeps reconnecting while not closed; runs on its own thread. */
    public void keepConnected() {
        long prepared = -1;
        boolean again = false;
        int failures = 0;
        while (!closed.getAsBoolean()) {
            if (!client.connected()) {
                try {
                    client.connect(again);
                    again = true;
                    failures = 0;
                    LOG.info("virtual_player.connected", "mac", client.mac());
                    synchronized (reconnected) {
                        reconnected.notifyAll();
                    }
                } catch (IOException e) {
                    // The first failure of a streak is worth a warning (MA's Squeezelite provider off or
                    // SLIMPROTO_PORT wrong: Echo playback cannot work); the retries are not.
                    if (++failures == 1) {
                        LOG.warn(
                                "virtual_player.connect_failed",
                                "mac",
                                client.mac(),
                                "error",
                                e.getMessage(),
                                "hint",
                                "enable the Squeezelite provider in Music Assistant and check SLIMPROTO_PORT");
                    } else {
                        LOG.debug("virtual_player.connect_failed", "mac", client.mac(), "error", e.getMessage());
                    }
                }
            }
            if (client.connected() && prepared != client.generation() && ma.connected()) {
                // Set the player up now rather than at the first request.
                try {
                    prepared = client.generation();
                    prepare();
                } catch (IOException e) {
                    LOG.debug("virtual_player.prepare_failed", "mac", client.mac(), "error", e.getMessage());
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                // jittered like MA's own reconnects, so that the players do not knock in lockstep
                Thread.sleep(client.connected() || failures == 0 ? Duration.ofMillis(500) : MaClient.backoff(failures));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits until the player is connected to Music Assistant, at most {@code patience}. */
    public void awaitConnected(Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (reconnected) {
            while (!client.connected()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed.getAsBoolean()) {
                    throw new IOException("virtual player " + client.mac() + " is not connected to Music Assistant "
                            + "(is its Squeezelite provider enabled, on port reachable from here?)");
                }
                reconnected.wait(Math.max(1, Math.min(500, left / 1_000_000)));
            }
        }
    }

    /** Finds the player's id in MA and configures it once per connection. */
    public synchronized String prepare() throws IOException, InterruptedException {
        long generation = client.generation();
        if (maId != null && configuredGeneration == generation) {
            return maId;
        }
        String id = null;
        for (int attempt = 0; attempt < 20 && id == null; attempt++) {
            id = findId();
            if (id == null) {
                Thread.sleep(100);
            }
        }
        if (id == null) {
            throw new IOException("Music Assistant does not list virtual player " + client.mac());
        }
        maId = id;
        configure(id);
        configuredGeneration = generation;
        return id;
    }

    private String findId() {
        try {
            for (JsonNode p : ma.call("players/all", Map.of(), CALL)) {
                String pid = p.path("player_id").asText("");
                if (pid.equals(client.mac())) {
                    return pid;
                }
                for (JsonNode protocol : p.path("output_protocols")) {
                    if (protocol.path("output_protocol_id").asText("").equals(client.mac())) {
                        return pid;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("virtual_player.lookup_failed", "error", e.getMessage());
        }
        return null;
    }

    private void configure(String id) {
        try {
            ma.call("config/players/save", Map.of("player_id", id, "values", settings), CALL);
        } catch (MaException e) {
            LOG.warn(
                    "virtual_player.configure_failed",
                    "player_id",
                    id,
                    "error",
                    e.getMessage(),
                    "fix",
                    "use a Music Assistant token of an admin, or " + fix);
        } catch (RuntimeException e) {
            LOG.warn("virtual_player.configure_failed", "player_id", id, "error", e.getMessage());
        }
    }
}
