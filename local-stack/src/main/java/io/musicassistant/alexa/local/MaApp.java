package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.masim.MaSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Music Assistant's own app, as a person uses it: a WebSocket client of its own (not the
 * connector's), pressing play, next, jumping and editing a player's queue with MA's commands.
 */
final class MaApp implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MaClient client;

    private MaApp(MaClient client) {
        this.client = client;
    }

    /** Opens the app on the simulator, logged in as its admin (the household's MA account). */
    static MaApp open(MaSimulator ma) {
        MaClient client = new MaClient(URI.create(ma.wsUrl()), ma.adminToken(), new MaClient.Listener() {});
        client.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!client.connected()) {
            if (System.nanoTime() > deadline) {
                client.close();
                throw new IllegalStateException("the Music Assistant app could not connect to " + ma.wsUrl());
            }
            LocalConnector.sleep(20);
        }
        return new MaApp(client);
    }

    JsonNode call(String command, Map<String, ?> args) {
        return client.call(command, args, TIMEOUT);
    }

    /** The id of the player the app shows under {@code displayName} ("Kitchen Echo (Alexa)"), if any. */
    java.util.Optional<String> playerNamed(String displayName) {
        for (JsonNode player : call("players/all", Map.of())) {
            String shown =
                    player.path("display_name").asText(player.path("name").asText());
            if (displayName.equalsIgnoreCase(shown)
                    || displayName.equalsIgnoreCase(player.path("name").asText())) {
                return java.util.Optional.of(player.path("player_id").asText());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Play pressed on {@code media} (an MA uri: {@code library://album/7}) with the player chosen:
     * the queue is replaced, the default of MA's play button for an album or a playlist.
     */
    void play(String playerId, String media) {
        call("player_queues/play_media", Map.of("queue_id", playerId, "media", List.of(media), "option", "replace"));
    }

    /** "Play next": inserted right after the current item. */
    void playNext(String playerId, String media) {
        call("player_queues/play_media", Map.of("queue_id", playerId, "media", List.of(media), "option", "next"));
    }

    void next(String playerId) {
        call("player_queues/next", Map.of("queue_id", playerId));
    }

    /** A tap on a queue item: it plays now. */
    void jump(String playerId, int index) {
        call("player_queues/play_index", Map.of("queue_id", playerId, "index", index));
    }

    /** Drags a queue item {@code shift} places down (negative: up), as MA's {@code move_item}. */
    void move(String playerId, String queueItemId, int shift) {
        call("player_queues/move_item", Map.of("queue_id", playerId, "queue_item_id", queueItemId, "pos_shift", shift));
    }

    /** The player's queue: {@code current_index}, {@code current_item}, shuffle and repeat. */
    JsonNode queue(String playerId) {
        return call("player_queues/get", Map.of("queue_id", playerId));
    }

    /** The queue's items in order. */
    JsonNode items(String playerId) {
        return call("player_queues/items", Map.of("queue_id", playerId, "limit", 500, "offset", 0));
    }

    /** The MA uri of the queue's current item ({@code library://track/12}), or null. */
    String currentUri(String playerId) {
        return queue(playerId)
                .path("current_item")
                .path("media_item")
                .path("uri")
                .asText(null);
    }

    /** The MA uri of the album named so in the library. */
    String albumUri(String name) {
        for (JsonNode album : call("music/search", Map.of("search_query", name, "media_types", List.of("album")))
                .path("albums")) {
            if (album.path("name").asText().equalsIgnoreCase(name)) {
                return album.path("uri").asText();
            }
        }
        throw new IllegalStateException("no album named " + name + " in Music Assistant");
    }

    @Override
    public void close() {
        client.close();
    }
}
