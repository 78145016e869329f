package io.musicassistant.alexa.masim.models;

import static io.musicassistant.alexa.masim.models.JsonValues.F;
import static io.musicassistant.alexa.masim.models.JsonValues.isoMicros;
import static io.musicassistant.alexa.masim.models.JsonValues.strings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.library.Image;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.player.PlayerConfig;
import io.musicassistant.alexa.masim.player.PlayerView;
import io.musicassistant.alexa.masim.player.QueueItem;
import io.musicassistant.alexa.masim.player.QueueView;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.List;
import java.util.Map;

/**
 * Serializes models the way MA's mashumaro models do for the chosen profile: every field present
 * (nulls included) except in summary items, enums as strings, sets as arrays, external ids as
 * two-element arrays, plus the {@code __post_serialize__} additions (Player aliases, Radio
 * duration 0, PlayerQueue legacy keys, image proxy ids). Field order follows the models.
 *
 * <p>One serializer per model family, as MA's models package splits them: {@link MediaItemJson},
 * {@link PlayerJson}, {@link PlayerQueueJson}, {@link PlayerConfigJson}; server info and users here.
 */
public final class ModelJson {

    private final Profile profile;
    private final String baseUrl;
    private final MediaItemJson media;
    private final PlayerJson players;
    private final PlayerQueueJson queues;
    private final PlayerConfigJson configs;

    public ModelJson(Profile profile, Library library, String baseUrl) {
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.media = new MediaItemJson(profile, library);
        this.players = new PlayerJson(profile, library, baseUrl, media);
        this.queues = new PlayerQueueJson(profile, library, media);
        this.configs = new PlayerConfigJson(profile);
    }

    public Profile profile() {
        return profile;
    }

    // ---------------------------------------------------------------- server & users

    // ---------------------------------------------------------------- server & users

    /** {@code ServerInfoMessage}: exact key set per schema (spec §1.2). */
    public ObjectNode serverInfo(String serverId, String status) {
        ObjectNode n = F.objectNode();
        n.put("server_id", serverId);
        n.put("server_version", profile.serverVersion());
        n.put("schema_version", profile.schemaVersion());
        n.put("min_supported_schema_version", Profile.MIN_SUPPORTED_SCHEMA_VERSION);
        n.put("base_url", baseUrl);
        n.put("homeassistant_addon", false);
        n.put("onboard_done", true);
        n.putNull("name");
        n.put("status", status);
        if (profile.serverInfoUrls()) {
            n.put("internal_url", baseUrl);
            n.putNull("external_url");
            n.put("has_remote_access", false);
        }
        return n;
    }

    /** {@code User.to_dict()}. */
    public ObjectNode user(User user) {
        ObjectNode n = F.objectNode();
        n.put("user_id", user.userId());
        n.put("username", user.username());
        n.put("role", user.role().value());
        n.put("enabled", user.enabled());
        n.put("created_at", isoMicros(user.createdAt()));
        n.put("display_name", user.displayName());
        n.put("avatar_url", user.avatarUrl());
        n.set("preferences", F.objectNode());
        n.set("provider_filter", strings(user.providerFilter()));
        n.set("player_filter", strings(user.playerFilter()));
        return n;
    }

    // ---------------------------------------------------------------- media items (MediaItemJson)

    /** The full item, as {@code music/<type>/get}, search and sub-listings return it. */
    public ObjectNode full(MediaItem item) {
        return media.full(item, null);
    }

    /** The full item with a playlist {@code position}. */
    public ObjectNode full(MediaItem item, Integer position) {
        return media.full(item, position);
    }

    /** The slim summary variant (newest {@code library_items} default). */
    public ObjectNode summary(MediaItem item) {
        return media.summary(item);
    }

    /** {@code ItemMapping}: the minimal reference used inside other items and queues. */
    public ObjectNode itemMapping(MediaItem item, boolean slim) {
        return media.itemMapping(item, slim);
    }

    public ObjectNode image(Image image) {
        return media.image(image);
    }

    /** The {@code SearchResults} object; {@code sound_effects} only exists in newest models. */
    public ObjectNode searchResults(Map<String, List<ObjectNode>> byKey) {
        return media.searchResults(byKey);
    }

    // ---------------------------------------------------------------- players, queues, configs

    /** {@code Player.to_dict()} including its {@code __post_serialize__} aliases (spec §4.10). */
    public ObjectNode player(PlayerView view) {
        return players.player(view);
    }

    /** {@code PlayerQueue.to_dict()} for the profile's models (spec §4.11). */
    public ObjectNode queue(QueueView queue) {
        return queues.queue(queue);
    }

    /** {@code QueueItem.to_dict()}; {@code index} is the item's position in the queue. */
    public ObjectNode queueItem(QueueItem item, int index) {
        return queues.queueItem(item, index);
    }

    /** {@code PlayerConfig} with its entries. */
    public ObjectNode playerConfig(PlayerConfig config) {
        return configs.playerConfig(config);
    }
}
