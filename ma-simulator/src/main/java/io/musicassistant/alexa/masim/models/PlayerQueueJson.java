package io.musicassistant.alexa.masim.models;

import static io.musicassistant.alexa.masim.models.JsonValues.F;
import static io.musicassistant.alexa.masim.models.JsonValues.putNullable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.player.QueueItem;
import io.musicassistant.alexa.masim.player.QueueView;
import io.musicassistant.alexa.masim.profile.Profile;

/** MA's {@code PlayerQueue} ({@code player_queue.py}) and {@code QueueItem} ({@code queue_item.py}) models. */
final class PlayerQueueJson {

    private final Profile profile;
    private final Library library;
    private final MediaItemJson mediaItems;

    PlayerQueueJson(Profile profile, Library library, MediaItemJson mediaItems) {
        this.profile = profile;
        this.library = library;
        this.mediaItems = mediaItems;
    }

    /** {@code PlayerQueue.to_dict()} for the profile's models (spec §4.11). */
    public ObjectNode queue(QueueView q) {
        ObjectNode n = F.objectNode();
        n.put("queue_id", q.queueId());
        n.put("active", q.active());
        n.put("display_name", q.displayName());
        n.put("available", q.available());
        n.put("items", q.items());
        n.put("shuffle_enabled", q.shuffleEnabled());
        n.put("repeat_mode", q.repeatMode().value());
        if (profile == Profile.NEWEST) {
            n.put("crossfade_enabled", false);
            n.put("autoplay_enabled", q.dontStopTheMusicEnabled());
            n.put("overlay_enabled", false);
            n.putNull("overlay_source");
            n.put("overlay_volume", 100);
            n.put("smart_fades_active", false);
            n.put("smart_shuffle_active", false);
        } else {
            n.put("dont_stop_the_music_enabled", q.dontStopTheMusicEnabled());
        }
        putNullable(n, "current_index", q.currentIndex());
        putNullable(n, "index_in_buffer", q.indexInBuffer());
        if (profile == Profile.NEWEST) {
            n.put("ended", false);
        }
        putNullable(n, "elapsed_time", q.elapsedTime());
        putNullable(n, "elapsed_time_last_updated", q.elapsedTimeLastUpdated());
        putNullable(n, "playback_speed", 1.0);
        n.put("state", q.state().value());
        n.set(
                "current_item",
                q.currentItem() == null ? NullNode.getInstance() : queueItem(q.currentItem(), q.currentIndex()));
        n.set("next_item", q.nextItem() == null ? NullNode.getInstance() : queueItem(q.nextItem(), q.nextIndex()));
        if (profile == Profile.NEWEST) {
            n.putArray("sources");
        } else {
            n.putArray("radio_source");
        }
        n.put("flow_mode", false);
        n.put("resume_pos", q.resumePos());
        n.put("is_dynamic", false);
        n.putObject("extra_attributes").put("active_playlist", q.activePlaylist());
        if (profile == Profile.NEWEST) {
            n.put("dont_stop_the_music_enabled", q.dontStopTheMusicEnabled());
            n.putArray("radio_source");
        }
        return n;
    }

    /** {@code QueueItem.to_dict()}; {@code index} is the item's position in the queue. */
    public ObjectNode queueItem(QueueItem item, int index) {
        MediaItem media = item.mediaItem();
        ObjectNode n = F.objectNode();
        n.put("queue_id", item.queueId());
        n.put("queue_item_id", item.queueItemId());
        n.put("name", queueItemName(media));
        putNullable(n, "duration", media instanceof Track track ? Integer.valueOf(track.duration()) : null);
        n.put("sort_index", item.sortIndex());
        n.putNull("streamdetails");
        n.set("media_item", mediaItems.full(media));
        n.set(
                "image",
                library.thumbOf(media).map(i -> (JsonNode) mediaItems.image(i)).orElse(NullNode.getInstance()));
        n.put("index", index);
        n.put("available", item.available());
        n.putObject("extra_attributes");
        return n;
    }

    /** {@code QueueItem.from_media_item}: "Artist1/Artist2 - Title (version)" for tracks. */
    String queueItemName(MediaItem media) {
        if (media instanceof Track track) {
            String name = mediaItems.artistString(track) + " - " + track.name();
            return track.version().isEmpty() ? name : name + " (" + track.version() + ")";
        }
        return media.name();
    }
}
