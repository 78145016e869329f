package io.musicassistant.alexa.connector.echo;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.content.ContentResolver;
import io.musicassistant.alexa.connector.content.MaItems;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.ma.MaUnavailableException;
import io.musicassistant.alexa.connector.platform.CommandFailure;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.relay.protocol.EchoQueueReply;
import io.musicassistant.alexa.relay.protocol.EchoQueueRequest;
import io.musicassistant.alexa.relay.protocol.RelayError;
import java.time.Duration;
import java.util.Map;

/**
 * {@code echo.queue}: one step through an Echo player's Music Assistant queue, as it is at the
 * moment of the step (player_queues.py: {@code get}, {@code items}, {@code play_index}). Changes
 * made in MA's UI between steps are honoured at the next one: an item MA made current since the
 * Echo's (next, jump, a new play) comes next; otherwise the item after the Echo's in MA's order
 * (MA shuffles the list itself), with MA's repeat one and all. Every step then has MA play the
 * item on the Echo player, so that MA shows it current and playing.
 */
public final class EchoQueue {

    private static final Duration CALL = Duration.ofSeconds(4);
    private static final int PAGE = 500;

    private final MaClient ma;
    private final EchoPlayers players;
    private final ContentResolver resolver;
    private final StreamSigner signer;

    public EchoQueue(MaClient ma, EchoPlayers players, ContentResolver resolver, StreamSigner signer) {
        this.ma = ma;
        this.players = players;
        this.resolver = resolver;
        this.signer = signer;
    }

    /** An item of MA's queue at a position. */
    private record Found(JsonNode item, long offsetMs) {}

    public EchoQueueReply step(EchoQueueRequest request) {
        if (!signer.hasPublicBase()) {
            throw new CommandFailure(RelayError.NO_STREAM_BASE, "no public stream base configured (STREAM_BASE)");
        }
        EchoPlayer player = players.byKey(request.echo())
                .orElseThrow(() -> new CommandFailure(RelayError.NOT_FOUND, "no Echo player has that name"));
        String queueId = player.kept().maId();
        if (!ma.connected() || queueId == null || !player.kept().client().connected()) {
            throw new CommandFailure(RelayError.PLAYER_UNAVAILABLE, "Music Assistant cannot reach the Echo player");
        }
        try {
            JsonNode queue = ma.call("player_queues/get", Map.of("queue_id", queueId), CALL);
            if (queue == null || !queue.isObject()) {
                throw new CommandFailure(RelayError.PLAYER_UNAVAILABLE, "Music Assistant has no queue for the Echo");
            }
            Found found = switch (request.step()) {
                case EchoQueueRequest.CURRENT -> current(queue, player);
                case EchoQueueRequest.NEXT -> next(queue, player, request);
                default -> previous(queue, request);
            };
            EchoQueueReply.EchoItem item = found == null ? null : play(player, queueId, found);
            return new EchoQueueReply(
                    queueId,
                    player.name(),
                    item,
                    queue.path("shuffle_enabled").asBoolean(false),
                    queue.path("repeat_mode").asText("off"));
        } catch (MaUnavailableException e) {
            throw new CommandFailure(RelayError.PLAYER_UNAVAILABLE, "Music Assistant is away");
        }
    }

    /** MA's current item from where MA is in it (or where the Echo is, when it already plays it). */
    private static Found current(JsonNode queue, EchoPlayer player) {
        JsonNode item = queue.path("current_item");
        if (!item.isObject()) {
            return null;
        }
        EchoPlayer.Step playing = player.playing(System.nanoTime());
        long offset = playing != null && playing.queueItemId().equals(id(item))
                ? playing.positionMs(System.nanoTime())
                : Math.round(queue.path("elapsed_time").asDouble(0) * 1000);
        Long duration = durationMs(item);
        // a position at (or past) the end, or in a live stream, plays from the start
        return new Found(item, duration == null || offset >= duration - 1000 ? 0 : Math.max(0, offset));
    }

    private Found next(JsonNode queue, EchoPlayer player, EchoQueueRequest request) {
        if (player.stoppedInMa()) {
            return null; // stopped or paused in MA: the Echo ends with the track it has
        }
        JsonNode current = queue.path("current_item");
        if (current.isObject() && !id(current).equals(request.after())) {
            return new Found(current, 0); // the user moved MA's queue since: its choice comes next
        }
        int index = current.isObject() ? queue.path("current_index").asInt(-1) : indexOf(queue, request.after());
        int count = queue.path("items").asInt(0);
        if (index < 0 || count == 0) {
            return null;
        }
        String repeat = queue.path("repeat_mode").asText("off");
        int next;
        if ("one".equals(repeat) && !request.userInitiated()) {
            next = index; // MA's _get_next_index: repeat one stays, unless skipping
        } else if (index + 1 < count) {
            next = index + 1;
        } else {
            next = "all".equals(repeat) ? 0 : -1;
        }
        return next < 0 ? null : itemAt(queue, next);
    }

    /** The item before the Echo's, as MA's previous: the first item stays the first. */
    private Found previous(JsonNode queue, EchoQueueRequest request) {
        JsonNode current = queue.path("current_item");
        int index = current.isObject() && id(current).equals(request.after())
                ? queue.path("current_index").asInt(-1)
                : indexOf(queue, request.after());
        if (index < 0) {
            return current.isObject() ? new Found(current, 0) : null;
        }
        return itemAt(queue, Math.max(0, index - 1));
    }

    /** Tells the Echo player the Echo starts the item now, and has MA play it there (MA then shows it current). */
    private EchoQueueReply.EchoItem play(EchoPlayer player, String queueId, Found found) {
        JsonNode media = found.item().path("media_item");
        if (!media.isObject() || media.path("uri").asText("").isEmpty()) {
            throw new CommandFailure(RelayError.NOT_FOUND, "Music Assistant's queue item has nothing playable");
        }
        String itemId = id(found.item());
        long seekMs = found.offsetMs() / 1000 * 1000;
        player.beginStep(itemId, found.offsetMs(), durationMs(found.item()), seekMs);
        try {
            ma.call(
                    "player_queues/play_index",
                    Map.of("queue_id", queueId, "index", itemId, "seek_position", seekMs / 1000),
                    CALL);
        } catch (RuntimeException e) {
            player.ownStreamFailed(itemId);
            throw e;
        }
        return new EchoQueueReply.EchoItem(itemId, resolver.toTrack(media), found.offsetMs());
    }

    private Found itemAt(JsonNode queue, int index) {
        JsonNode items = ma.call(
                "player_queues/items",
                Map.of("queue_id", queue.path("queue_id").asText(), "limit", 1, "offset", index),
                CALL);
        return items.isArray() && !items.isEmpty() ? new Found(items.get(0), 0) : null;
    }

    private int indexOf(JsonNode queue, String queueItemId) {
        return indexOf(ma, queue.path("queue_id").asText(), queueItemId);
    }

    /** Where the item is in MA's queue now, or -1 when it left it. */
    static int indexOf(MaClient ma, String queueId, String queueItemId) {
        for (int offset = 0; ; offset += PAGE) {
            JsonNode items =
                    ma.call("player_queues/items", Map.of("queue_id", queueId, "limit", PAGE, "offset", offset), CALL);
            for (int i = 0; i < items.size(); i++) {
                if (queueItemId.equals(id(items.get(i)))) {
                    return offset + i;
                }
            }
            if (items.size() < PAGE) {
                return -1;
            }
        }
    }

    private static String id(JsonNode item) {
        return item.path("queue_item_id").asText("");
    }

    private static Long durationMs(JsonNode item) {
        return MaItems.durationMs(item);
    }
}
