package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.musicassistant.alexa.masim.auth.Users;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.PlayerQueues;
import io.musicassistant.alexa.masim.player.QueueItem;
import io.musicassistant.alexa.masim.player.QueueOption;
import io.musicassistant.alexa.masim.player.QueueView;
import io.musicassistant.alexa.masim.player.RepeatMode;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/** The {@code player_queues/*} commands (controllers/player_queues.py; spec §3.6). */
final class QueueCommands {

    private static final String READ = "queues.read";
    private static final String CONTROL = "queues.control";
    private static final String MEDIA_TYPE =
            "MediaItemType | ItemMapping | str | list[MediaItemType | ItemMapping | str]";

    private final Services services;
    private final PlayerHub hub;
    private final MediaLookup lookup;

    private QueueCommands(Services services) {
        this.services = services;
        this.hub = services.players();
        this.lookup = new MediaLookup(services.library());
    }

    static void register(CommandRegistry registry, Services services) {
        QueueCommands q = new QueueCommands(services);
        PlayerHub hub = services.players();
        registry.register("player_queues/all", Access.user(READ), c -> {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            hub.queues().all().forEach(view -> list.add(services.json().queue(view)));
            return Reply.of(list);
        });
        registry.register(
                "player_queues/get",
                Access.user(READ),
                c -> q.queueOrNull(hub.queues().get(c.args().str("queue_id")).orElse(null)));
        registry.register("player_queues/items", Access.user(READ), q::items);
        registry.register(
                "player_queues/get_active_queue",
                Access.user(READ),
                c -> q.queueOrNull(
                        hub.queues().activeQueueOf(c.args().str("player_id")).orElse(null)));
        registry.register("player_queues/play_media", Access.user(CONTROL), q::playMedia);
        registry.register("player_queues/shuffle", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            boolean enabled = c.args().bool("shuffle_enabled");
            hub.queues().shuffle(id, enabled);
            return Reply.none();
        });
        registry.register("player_queues/repeat", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            RepeatMode mode = c.args().enumValue("repeat_mode", "RepeatMode", RepeatMode::parse);
            hub.queues().repeat(id, mode);
            return Reply.none();
        });
        registry.register("player_queues/dont_stop_the_music", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            boolean enabled = c.args().bool("dont_stop_the_music_enabled");
            hub.queues().dontStopTheMusic(id, enabled);
            return Reply.none();
        });
        if (services.profile() == Profile.NEWEST) {
            registry.register("player_queues/autoplay", Access.user(CONTROL), c -> {
                String id = c.args().str("queue_id");
                boolean enabled = c.args().bool("autoplay_enabled");
                hub.queues().dontStopTheMusic(id, enabled);
                return Reply.none();
            });
        }
        registry.register("player_queues/play", Access.user(CONTROL), c -> {
            hub.playback().play(c.args().str("queue_id"), c.username());
            return Reply.none();
        });
        registry.register("player_queues/pause", Access.user(CONTROL), c -> {
            hub.playback().pause(c.args().str("queue_id"));
            return Reply.none();
        });
        registry.register("player_queues/play_pause", Access.user(CONTROL), c -> {
            hub.playback().playPause(c.args().str("queue_id"), c.username());
            return Reply.none();
        });
        registry.register("player_queues/stop", Access.user(CONTROL), c -> {
            hub.playback().stop(c.args().str("queue_id"));
            return Reply.none();
        });
        registry.register("player_queues/next", Access.user(CONTROL), c -> {
            hub.playback().next(c.args().str("queue_id"), c.username());
            return Reply.none();
        });
        registry.register("player_queues/previous", Access.user(CONTROL), c -> {
            hub.playback().previous(c.args().str("queue_id"), c.username());
            return Reply.none();
        });
        registry.register("player_queues/resume", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            c.args().optBool("fade_in");
            hub.playback().resume(id, c.username());
            return Reply.none();
        });
        registry.register("player_queues/play_index", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            Object index = c.args().intOrStr("index");
            int seek = c.args().integer("seek_position", 0);
            c.args().bool("fade_in", false);
            hub.playback().playIndex(id, index, seek, c.username());
            return Reply.none();
        });
        registry.register("player_queues/clear", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            boolean skipStop = c.args().bool("skip_stop", false);
            hub.queues().clear(id, skipStop);
            return Reply.none();
        });
        registry.register("player_queues/seek", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            int position = c.args().integer("position", 10);
            hub.playback().seek(id, position, c.username());
            return Reply.none();
        });
        registry.register("player_queues/skip", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            int seconds = c.args().integer("seconds", 10);
            hub.playback().skip(id, seconds, c.username());
            return Reply.none();
        });
        registry.register("player_queues/delete_item", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            Object item = c.args().intOrStr("item_id_or_index");
            hub.queues().deleteItem(id, item);
            return Reply.none();
        });
        registry.register("player_queues/move_item", Access.user(CONTROL), c -> {
            String id = c.args().str("queue_id");
            hub.queues().moveItem(id, c.args().str("queue_item_id"), c.args().integer("pos_shift", 1));
            return Reply.none();
        });
        registry.register("player_queues/transfer", Access.user(CONTROL), c -> {
            String source = c.args().str("source_queue_id");
            String target = c.args().str("target_queue_id");
            Boolean autoPlay = c.args().optBool("auto_play");
            hub.queues().transfer(source, target, autoPlay, c.username());
            return Reply.none();
        });
    }

    private Reply queueOrNull(QueueView view) {
        return view == null ? Reply.none() : Reply.of(services.json().queue(view));
    }

    private Reply items(Call call) {
        String queueId = call.args().str("queue_id");
        int limit = call.args().integer("limit", 500);
        int offset = call.args().integer("offset", 0);
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        List<QueueItem> items = hub.queues().items(queueId, limit, offset);
        for (int i = 0; i < items.size(); i++) {
            list.add(services.json().queueItem(items.get(i), Math.max(0, offset) + i));
        }
        return Reply.of(list);
    }

    private Reply playMedia(Call call) {
        Args a = call.args();
        String queueId = a.str("queue_id");
        JsonNode media = a.raw("media");
        if (media == null) {
            throw Args.invalid("media", null, MEDIA_TYPE);
        }
        QueueOption option = a.optEnum("option", QueueOption::parse);
        a.bool("radio_mode", false);
        String startItem = startItem(a.raw("start_item"));
        String username = a.optStr("username");
        String playbackUser = username != null && Users.byUsername(username).isPresent() ? username : call.username();

        List<JsonNode> entries = new ArrayList<>();
        if (media.isArray()) {
            media.forEach(entries::add);
        } else {
            entries.add(media);
        }
        List<PlayerQueues.Resolved> resolved = new ArrayList<>();
        for (JsonNode entry : entries) {
            try {
                MediaItem item = resolve(entry);
                if (item != null) {
                    resolved.add(new PlayerQueues.Resolved(item, lookup.playables(item, startItem)));
                }
            } catch (MaError error) {
                // MA logs "Skipping <item>: <error>" for its own errors and carries on
                if (!error.isMusicAssistantError()) {
                    throw error;
                }
            }
        }
        hub.queues().playMedia(queueId, resolved, option, playbackUser);
        return Reply.none();
    }

    /** A URI string, or a media item / item mapping dict. */
    private MediaItem resolve(JsonNode entry) {
        if (entry.isTextual()) {
            return lookup.byUri(entry.asText());
        }
        if (entry.isObject()) {
            JsonNode itemId = entry.get("item_id");
            JsonNode provider = entry.get("provider");
            JsonNode type = entry.get("media_type");
            if (itemId != null && itemId.isTextual() && provider != null && provider.isTextual() && type != null) {
                return lookup.get(MediaType.parse(type.asText()), itemId.asText(), provider.asText());
            }
            JsonNode uri = entry.get("uri");
            if (uri != null && uri.isTextual()) {
                return lookup.byUri(uri.asText());
            }
        }
        return null;
    }

    private static String startItem(JsonNode raw) {
        if (raw == null) {
            return null;
        }
        if (raw.isTextual()) {
            return raw.asText();
        }
        JsonNode uri = raw.get("uri");
        return uri != null && uri.isTextual() ? uri.asText() : null;
    }
}
