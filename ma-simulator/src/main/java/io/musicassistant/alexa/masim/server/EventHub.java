package io.musicassistant.alexa.masim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.library.LibraryListener;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.models.ModelJson;
import io.musicassistant.alexa.masim.player.PlayerConfig;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.PlayerView;
import io.musicassistant.alexa.masim.player.QueueView;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes {@code MassEvent}s to every authenticated connection (there is no subscribe command in
 * MA), dropping player and queue events for users whose player_filter excludes the object (spec
 * §1.10). Library events ({@code media_item_added/updated/deleted}) reach every user: MA filters
 * only player and queue events (websocket_client.py {@code _subscribe_to_events}).
 */
final class EventHub implements PlayerHub.Listener, LibraryListener {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final ModelJson json;

    EventHub(ModelJson json) {
        this.json = json;
    }

    void add(ClientSession session) {
        sessions.add(session);
    }

    void remove(ClientSession session) {
        sessions.remove(session);
    }

    Collection<ClientSession> sessions() {
        return sessions;
    }

    @Override
    public void playerUpdated(PlayerView view) {
        broadcast("player_updated", view.state().playerId(), json.player(view), true);
    }

    @Override
    public void queueUpdated(QueueView view, boolean itemsChanged) {
        ObjectNode queue = json.queue(view);
        if (itemsChanged) {
            broadcast("queue_items_updated", view.queueId(), queue, true);
        }
        broadcast("queue_updated", view.queueId(), queue, true);
    }

    @Override
    public void playerAdded(PlayerView view) {
        broadcast("player_added", view.state().playerId(), json.player(view), true);
    }

    @Override
    public void playerRemoved(String playerId) {
        broadcast("player_removed", playerId, null, true);
    }

    @Override
    public void queueAdded(QueueView view) {
        broadcast("queue_added", view.queueId(), json.queue(view), true);
    }

    @Override
    public void playerConfigUpdated(PlayerConfig config) {
        broadcast("player_config_updated", config.playerId(), json.playerConfig(config), true);
    }

    /** The full item, as {@code MassEvent.to_json} serialises a library item. */
    @Override
    public Object render(MediaItem item) {
        return json.full(item);
    }

    @Override
    public void emit(String event, String objectId, Object data) {
        broadcast(event, objectId, (JsonNode) data, false);
    }

    /** {@code {"event": …, "object_id": …, "data": …}} to each authenticated client allowed to see it. */
    void broadcast(String event, String objectId, JsonNode data, boolean playerScoped) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        frame.put("event", event);
        frame.put("object_id", objectId);
        frame.set("data", data);
        String text = frame.toString();
        for (ClientSession session : sessions) {
            User user = session.user();
            if (user == null) {
                continue;
            }
            if (playerScoped && objectId != null && !user.mayUsePlayer(objectId)) {
                continue;
            }
            session.send(text);
        }
    }
}
