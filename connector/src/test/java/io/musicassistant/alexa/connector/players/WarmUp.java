package io.musicassistant.alexa.connector.players;

import static io.musicassistant.alexa.connector.SimulatorSupport.connectedClient;

import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The first Music Assistant calls of a cold test JVM load and compile much of the simulator and
 * the client; on a busy machine that can exceed the 4 s the connector allows a call. The tests
 * run the same calls once, with time to spare, before they measure anything.
 */
final class WarmUp {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static boolean done;

    private WarmUp() {}

    static synchronized void once() {
        if (done) {
            return;
        }
        try (MaSimulator sim = MaSimulator.start(MaSimulator.Options.defaults())) {
            MaClient ma = connectedClient(sim);
            try {
                ma.call("players/all", Map.of("return_unavailable", true), GENEROUS)
                        .forEach(p -> RelayJson.write(MaPlayers.read(p)));
                ma.call("players/get", Map.of("player_id", "warm-up"), GENEROUS);
                ma.call("player_queues/get_active_queue", Map.of("player_id", MaPlayersTest.KITCHEN), GENEROUS);
                ma.call(
                        "music/search",
                        Map.of("search_query", "warm up", "media_types", List.of("artist", "track"), "limit", 5),
                        GENEROUS);
                ma.call(
                        "players/cmd/volume_set",
                        Map.of("player_id", MaPlayersTest.BEDROOM, "volume_level", 12),
                        GENEROUS);
            } finally {
                ma.close();
            }
        }
        done = true;
    }
}
