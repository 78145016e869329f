package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.Artist;
import io.musicassistant.alexa.masim.library.ExternalId;
import io.musicassistant.alexa.masim.library.Genre;
import io.musicassistant.alexa.masim.library.Image;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.Playlist;
import io.musicassistant.alexa.masim.library.ProviderMapping;
import io.musicassistant.alexa.masim.library.Radio;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.player.PlaybackState;
import io.musicassistant.alexa.masim.player.PlayerConfig;
import io.musicassistant.alexa.masim.player.PlayerConfigEntry;
import io.musicassistant.alexa.masim.player.PlayerDevice;
import io.musicassistant.alexa.masim.player.PlayerState;
import io.musicassistant.alexa.masim.player.PlayerView;
import io.musicassistant.alexa.masim.player.QueueItem;
import io.musicassistant.alexa.masim.player.QueueView;
import io.musicassistant.alexa.masim.profile.Profile;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Serializes models the way MA's mashumaro models do for the chosen profile: every field present
 * (nulls included) except in summary items, enums as strings, sets as arrays, external ids as
 * two-element arrays, plus the {@code __post_serialize__} additions (Player aliases, Radio
 * duration 0, PlayerQueue legacy keys, image proxy ids). Field order follows the models.
 */
public final class ModelJson {

    static final String MASS_LOGO_ONLINE = "https://github.com/music-assistant/server/blob/dev/music_assistant/logo.png";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final Profile profile;
    private final Library library;
    private final String baseUrl;

    public ModelJson(Profile profile, Library library, String baseUrl) {
        this.profile = profile;
        this.library = library;
        this.baseUrl = baseUrl;
    }

    public Profile profile() {
        return profile;
    }

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

    // ---------------------------------------------------------------- media items

    /** The full item, as {@code music/<type>/get}, search and sub-listings return it. */
    public ObjectNode full(MediaItem item) {
        return full(item, null);
    }

    /** The full item with a playlist {@code position}. */
    public ObjectNode full(MediaItem item, Integer position) {
        ObjectNode n = base(item);
        n.set("provider_mappings", mappings(item));
        n.set("metadata", metadata(item));
        n.put("favorite", item.favorite());
        putNullable(n, "position", position);
        n.put("date_added", iso(item.info().dateAdded()));
        switch (item) {
            case Artist artist -> n.put("artist_type", "singer");
            case Album album -> {
                n.put("year", album.year());
                n.set("artists", artistMappings(album.artistIds(), false));
                n.put("album_type", album.albumType().value());
            }
            case Track track -> {
                n.put("duration", track.duration());
                n.set("artists", artistMappings(track.artistIds(), false));
                n.put("last_played", track.info().lastPlayed());
                n.set("album", library.album(track.albumId()).map(a -> (JsonNode) itemMapping(a, false))
                        .orElse(NullNode.getInstance()));
                n.put("disc_number", track.discNumber());
                n.put("track_number", track.trackNumber());
                if (profile == Profile.NEWEST) {
                    n.putNull("audio_metadata");
                }
            }
            case Playlist playlist -> {
                n.put("owner", playlist.owner());
                n.put("is_editable", playlist.editable());
                n.put("is_dynamic", false);
                n.set("supported_mediatypes", F.arrayNode().add("track"));
            }
            case Radio radio -> n.put("duration", 0); // Radio.__post_serialize__: None → 0
            case Genre genre -> {
                if (profile == Profile.NEWEST) {
                    n.putNull("content_type");
                }
                n.set("genre_aliases", genre.aliases().isEmpty() ? NullNode.getInstance() : strings(genre.aliases()));
            }
        }
        return n;
    }

    /**
     * The slim summary variant (newest {@code library_items} default, models' summary.py): None
     * fields omitted, metadata reduced to the first thumb (and explicit for tracks), nested
     * mappings slim, plus a plain {@code available}.
     */
    public ObjectNode summary(MediaItem item) {
        ObjectNode n = slimBase(item);
        n.set("provider_mappings", mappings(item));
        ObjectNode metadata = F.objectNode();
        if (item instanceof Track track) {
            metadata.put("explicit", track.explicit());
        }
        library.thumbOf(item).ifPresent(thumb -> metadata.set("images", F.arrayNode().add(image(thumb))));
        n.set("metadata", metadata);
        n.put("favorite", item.favorite());
        switch (item) {
            case Artist artist -> n.put("artist_type", "singer");
            case Album album -> {
                n.put("year", album.year());
                n.set("artists", artistMappings(album.artistIds(), true));
                n.put("album_type", album.albumType().value());
            }
            case Track track -> {
                n.put("duration", track.duration());
                n.set("artists", artistMappings(track.artistIds(), true));
                n.put("last_played", 0);
                library.album(track.albumId()).ifPresent(a -> n.set("album", itemMapping(a, true)));
                n.put("disc_number", track.discNumber());
                n.put("track_number", track.trackNumber());
            }
            case Playlist playlist -> {
                n.put("owner", playlist.owner());
                n.put("is_editable", playlist.editable());
                n.put("is_dynamic", false);
                n.set("supported_mediatypes", F.arrayNode().add("track"));
            }
            case Radio radio -> n.put("duration", 0);
            case Genre genre -> {
                if (!genre.aliases().isEmpty()) {
                    n.set("genre_aliases", strings(genre.aliases()));
                }
            }
        }
        n.put("available", true);
        return n;
    }

    /** {@code ItemMapping}: the minimal reference used inside other items and queues. */
    public ObjectNode itemMapping(MediaItem item, boolean slim) {
        ObjectNode n = slim ? slimBase(item) : base(item);
        n.set("external_ids", F.arrayNode()); // mappings never carry external ids (spec §4.6/4.7)
        n.put("available", true);
        Image thumb = library.thumbOf(item).orElse(null);
        Integer year = item instanceof Album album ? album.year() : null;
        if (!slim || thumb != null) {
            n.set("image", thumb == null ? NullNode.getInstance() : image(thumb));
        }
        if (!slim || year != null) {
            putNullable(n, "year", year);
        }
        return n;
    }

    public ObjectNode image(Image image) {
        ObjectNode n = F.objectNode();
        n.put("type", image.type());
        n.put("path", image.path());
        n.put("provider", image.provider());
        n.put("remotely_accessible", image.remotelyAccessible());
        // models ≥ 1.1.123 (schema ≈ 31) carry proxy_id; until models 034603a only local images got one
        boolean filled = profile.proxyIdOnRemoteImages() || !image.remotelyAccessible();
        n.put("proxy_id", filled ? image.proxyId() : null);
        return n;
    }

    /** The {@code SearchResults} object; {@code sound_effects} only exists in newest models. */
    public ObjectNode searchResults(Map<String, List<ObjectNode>> byKey) {
        ObjectNode n = F.objectNode();
        for (String key : List.of("artists", "albums", "genres", "tracks", "playlists", "radio", "audiobooks",
                "podcasts")) {
            ArrayNode list = F.arrayNode();
            byKey.getOrDefault(key, List.of()).forEach(list::add);
            n.set(key, list);
        }
        if (profile == Profile.NEWEST) {
            n.set("sound_effects", F.arrayNode());
        }
        return n;
    }

    private ObjectNode base(MediaItem item) {
        ObjectNode n = F.objectNode();
        n.put("item_id", item.itemId());
        n.put("provider", "library");
        n.put("name", item.name());
        n.put("version", item.version());
        n.put("sort_name", item.sortName());
        n.put("uri", item.uri());
        n.set("external_ids", externalIds(item.info().externalIds()));
        n.put("is_playable", true);
        if (profile.translationKeyOnItems()) {
            n.put("translation_key", item instanceof Genre genre ? genre.translationKey() : null);
        }
        n.put("media_type", item.mediaType().value());
        return n;
    }

    private ObjectNode slimBase(MediaItem item) {
        ObjectNode n = F.objectNode();
        n.put("item_id", item.itemId());
        n.put("provider", "library");
        n.put("name", item.name());
        n.put("version", item.version());
        n.put("sort_name", item.sortName());
        n.put("uri", item.uri());
        n.set("external_ids", F.arrayNode());
        n.put("is_playable", true);
        n.put("media_type", item.mediaType().value());
        return n;
    }

    private ArrayNode artistMappings(List<String> artistIds, boolean slim) {
        ArrayNode list = F.arrayNode();
        for (Artist artist : library.artistsOf(artistIds)) {
            // MA's library listings carry artists as ItemMappings without image (spec §4.6)
            ObjectNode mapping = slim ? slimBase(artist) : base(artist);
            mapping.put("available", true);
            if (!slim) {
                mapping.set("external_ids", F.arrayNode());
                mapping.putNull("image");
                mapping.putNull("year");
            }
            list.add(mapping);
        }
        return list;
    }

    private ArrayNode mappings(MediaItem item) {
        ArrayNode list = F.arrayNode();
        for (ProviderMapping mapping : item.providerMappings()) {
            ObjectNode n = F.objectNode();
            n.put("item_id", mapping.itemId());
            n.put("provider_domain", mapping.providerDomain());
            n.put("provider_instance", mapping.providerInstance());
            n.put("available", mapping.available());
            n.put("in_library", true);
            n.putNull("is_unique");
            ObjectNode format = n.putObject("audio_format");
            format.put("content_type", mapping.audioFormat().contentType());
            format.put("codec_type", "?");
            format.put("sample_rate", mapping.audioFormat().sampleRate());
            format.put("bit_depth", mapping.audioFormat().bitDepth());
            format.put("channels", 2);
            format.put("output_format_str", mapping.audioFormat().contentType());
            format.put("bit_rate", mapping.audioFormat().bitRate());
            n.put("url", mapping.url());
            n.putNull("details");
            list.add(n);
        }
        return list;
    }

    private ObjectNode metadata(MediaItem item) {
        ObjectNode n = F.objectNode();
        n.put("description", item.info().description());
        n.putNull("description_language");
        if (profile == Profile.NEWEST) {
            n.putNull("life_span");
            n.put("artist_entity_type", item instanceof Artist artist ? artist.entityType() : null);
        }
        n.putNull("review");
        switch (item) {
            case Track track -> n.put("explicit", track.explicit());
            // from the album's own track list, so an album rendered for its deletion keeps the value
            case Album album -> n.put("explicit", album.trackIds().stream()
                    .anyMatch(id -> library.track(id).map(Track::explicit).orElse(false)));
            default -> n.putNull("explicit");
        }
        List<Image> images = library.imagesOf(item);
        if (images.isEmpty()) {
            n.putNull("images");
        } else {
            ArrayNode list = n.putArray("images");
            images.forEach(image -> list.add(image(image)));
        }
        n.putNull("grouping");
        boolean hasGenreNames = item instanceof Artist || item instanceof Album || item instanceof Radio;
        if (hasGenreNames && !item.info().genreIds().isEmpty()) {
            // a genre removed from the library leaves no name behind
            n.set("genres", strings(item.info().genreIds().stream()
                    .flatMap(id -> library.genre(String.valueOf(id)).stream())
                    .map(genre -> genre.name().toLowerCase(Locale.ROOT))
                    .toList()));
        } else {
            n.putNull("genres");
        }
        n.putNull("mood");
        n.putNull("style");
        Album album = item instanceof Album a ? a : null;
        boolean labelled = album != null && album.label() != null;
        n.put("copyright", labelled ? "℗ " + album.year() + " " + album.label() : null);
        n.putNull("lyrics");
        n.putNull("lrc_lyrics");
        n.put("label", labelled ? album.label() : null);
        n.putNull("links");
        n.putNull("performers");
        n.putNull("preview");
        putNullable(n, "popularity", item instanceof Artist artist ? artist.popularity() : null);
        n.put("release_date", album != null ? album.year() + "-01-01T00:00:00" : null);
        n.putNull("languages");
        n.putNull("chapters");
        if (profile == Profile.NEWEST) {
            n.putNull("collections");
        }
        boolean refreshed = item instanceof Artist || item instanceof Album;
        putNullable(n, "last_refresh", refreshed ? Long.valueOf(item.info().dateModified().getEpochSecond()) : null);
        return n;
    }

    private static ArrayNode externalIds(List<ExternalId> ids) {
        ArrayNode list = F.arrayNode();
        for (ExternalId id : ids) {
            list.add(F.arrayNode().add(id.type()).add(id.value()));
        }
        return list;
    }

    // ---------------------------------------------------------------- players and queues

    /** {@code Player.to_dict()} including its {@code __post_serialize__} aliases (spec §4.10). */
    public ObjectNode player(PlayerView view) {
        PlayerState p = view.state();
        PlayerDevice d = p.device();
        ObjectNode n = F.objectNode();
        n.put("player_id", p.playerId());
        n.put("provider", d.provider());
        n.put("type", d.type().value());
        n.put("name", p.name());
        n.put("available", p.available());
        ObjectNode device = n.putObject("device_info");
        device.put("model", d.deviceInfo().model());
        device.put("manufacturer", d.deviceInfo().manufacturer());
        device.put("software_version", d.deviceInfo().softwareVersion());
        device.put("model_id", d.deviceInfo().modelId());
        device.put("manufacturer_id", d.deviceInfo().manufacturerId());
        ObjectNode identifiers = device.putObject("identifiers");
        d.deviceInfo().identifiers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> identifiers.put(e.getKey(), e.getValue()));
        ArrayNode features = n.putArray("supported_features");
        d.supportedFeatures().forEach(f -> features.add(f.value()));
        n.put("playback_state", p.playbackState().value());
        putNullable(n, "elapsed_time", p.elapsedTime());
        putNullable(n, "elapsed_time_last_updated", p.elapsedTimeLastUpdated());
        // post-serialize: powered None with power_control "none" reads as True
        Boolean powered = p.powered() == null && "none".equals(d.powerControl()) ? Boolean.TRUE : p.powered();
        putNullable(n, "powered", powered);
        putNullable(n, "volume_level", p.volumeLevel());
        putNullable(n, "volume_muted", p.volumeMuted());
        n.set("group_members", strings(p.groupMembers()));
        n.set("static_group_members", strings(d.staticGroupMembers()));
        n.set("can_group_with", strings(d.canGroupWith()));
        n.put("synced_to", p.syncedTo());
        n.putNull("active_sound_mode");
        n.putArray("sound_mode_list");
        n.putArray("options");
        n.put("active_source", p.activeSource());
        ArrayNode sources = n.putArray("source_list");
        for (PlayerDevice.Source source : d.sourceList()) {
            ObjectNode s = sources.addObject();
            s.put("id", source.id());
            s.put("name", source.name());
            s.put("passive", source.passive());
            s.put("can_play_pause", source.canPlayPause());
            s.put("can_seek", source.canSeek());
            s.put("can_next_previous", source.canNextPrevious());
        }
        n.put("active_group", p.activeGroup());
        n.set("current_media", view.currentMedia() == null ? NullNode.getInstance() : currentMedia(view.currentMedia()));
        n.put("enabled", p.enabled());
        n.put("hide_in_ui", p.hideInUi());
        n.put("expose_to_ha", true);
        n.put("icon", profile == Profile.NEWEST ? "speaker" : "mdi-speaker");
        n.put("group_volume", view.groupVolume() == null ? 0 : view.groupVolume());
        putNullable(n, "group_volume_muted", view.groupVolumeMuted());
        n.putObject("extra_attributes");
        n.put("power_control", d.powerControl());
        n.put("volume_control", d.volumeControl());
        n.put("mute_control", d.muteControl());
        ArrayNode protocols = n.putArray("output_protocols");
        for (PlayerDevice.OutputProtocol protocol : d.outputProtocols()) {
            ObjectNode o = protocols.addObject();
            o.put("output_protocol_id", protocol.outputProtocolId());
            o.put("name", protocol.name());
            o.put("protocol_domain", protocol.protocolDomain());
            o.put("is_native", protocol.isNative());
            o.put("priority", protocol.priority());
            o.put("available", protocol.available());
            if (profile == Profile.NEWEST) {
                o.putNull("derived_from");
            }
        }
        boolean outputActive = p.playbackState() != PlaybackState.IDLE && !d.outputProtocols().isEmpty();
        n.put("active_output_protocol", outputActive ? "native" : null);
        n.put("needs_setup", false);
        if (profile == Profile.NEWEST) {
            n.putNull("setup_reason");
            n.put("has_setup_flow", false);
            n.putNull("sleep_timer_expires_at");
        }
        n.put("display_name", p.name());
        n.put("state", p.playbackState().value());
        n.set("group_childs", strings(p.groupMembers()));
        n.putObject("extra_data");
        device.put("mac_address", d.deviceInfo().identifiers().get("mac_address"));
        device.put("ip_address", d.deviceInfo().identifiers().get("ip_address"));
        ArrayNode hide = n.putArray("hide_player_in_ui");
        if (p.hideInUi()) {
            hide.add("always");
        } else {
            hide.add("when_unavailable").add("when_synced").add("when_group_active");
        }
        return n;
    }

    /**
     * {@code PlayerConfig}: {@code values} first (the base class's field), then the root values.
     * Entries follow {@code ConfigEntry} of the profile's models (stable: label, translation keys
     * and option titles first; newest: the translation fields dropped, label after the rest).
     */
    public ObjectNode playerConfig(PlayerConfig config) {
        ObjectNode n = F.objectNode();
        ObjectNode values = n.putObject("values");
        for (PlayerConfig.Value value : config.values()) {
            values.set(value.entry().key(), configEntry(value.entry(), value.value()));
        }
        n.put("provider", config.provider());
        n.put("player_id", config.playerId());
        n.put("enabled", config.enabled());
        n.put("name", config.name());
        n.put("default_name", config.defaultName());
        n.put("player_type", config.playerType().value());
        return n;
    }

    private ObjectNode configEntry(PlayerConfigEntry entry, Object value) {
        boolean stable = profile == Profile.STABLE_2_9;
        ObjectNode n = F.objectNode();
        n.put("key", entry.key());
        n.put("type", entry.type());
        if (stable) {
            n.put("label", entry.label());
        }
        putConfigValue(n, "default_value", entry.defaultValue());
        n.put("required", false);
        ArrayNode options = n.putArray("options");
        for (PlayerConfigEntry.Option option : entry.options()) {
            ObjectNode o = options.addObject();
            if (stable) {
                o.put("title", option.title());
                putConfigValue(o, "value", option.value());
            } else {
                putConfigValue(o, "value", option.value());
                o.put("title", option.title());
                o.put("disabled", false);
                o.putNull("disabled_reason");
                o.putNull("description");
            }
        }
        n.putNull("range");
        n.put("description", entry.description());
        n.putNull("help_link");
        n.put("multi_value", false);
        n.putNull("depends_on");
        n.putNull("depends_on_value");
        n.putNull("depends_on_value_not");
        n.put("hidden", entry.hidden());
        n.put("read_only", false);
        n.put("category", entry.category());
        n.putNull("action");
        n.putNull("action_label");
        n.put("immediate_apply", false);
        n.put("requires_reload", entry.requiresReload());
        if (stable) {
            n.putNull("translation_key");
            n.putNull("translation_params");
            n.putNull("category_translation_key");
            n.putNull("category_translation_params");
            n.put("advanced", entry.advanced());
        } else {
            n.put("advanced", entry.advanced());
            n.put("label", entry.label());
            n.putNull("category_label");
        }
        putConfigValue(n, "value", value);
        return n;
    }

    private static void putConfigValue(ObjectNode n, String key, Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = n.putArray(key);
            for (Object item : list) {
                if (item == null) {
                    array.addNull();
                } else if (item instanceof Boolean b) {
                    array.add(b);
                } else if (item instanceof Double d) {
                    array.add(d);
                } else if (item instanceof Number number) {
                    array.add(number.longValue());
                } else {
                    array.add(item.toString());
                }
            }
            return;
        }
        putNullable(n, key, value);
    }

    /** {@code PlayerMedia} as MA's {@code player_media_from_queue_item} fills it. */
    private ObjectNode currentMedia(PlayerView.CurrentMedia media) {
        MediaItem item = media.item().mediaItem();
        ObjectNode n = F.objectNode();
        n.put("uri", item.uri());
        n.put("media_type", item.mediaType().value());
        n.put("title", item.name());
        String artist = item instanceof Track track ? artistString(track) : "";
        n.put("artist", artist);
        String album = item instanceof Track track
                ? library.album(track.albumId()).map(MediaItem::name).orElse("") : "";
        n.put("album", album);
        if (profile == Profile.NEWEST) {
            n.put("album_artist", item instanceof Track track
                    ? library.album(track.albumId()).flatMap(a -> library.artistsOf(a.artistIds()).stream()
                            .findFirst()).map(Artist::name).orElse(null)
                    : null);
        }
        n.put("image_url", library.thumbOf(item).map(this::playerImageUrl).orElse(MASS_LOGO_ONLINE));
        n.putNull("palette");
        putNullable(n, "duration", item instanceof Track track ? Integer.valueOf(track.duration()) : null);
        if (profile == Profile.NEWEST) {
            n.putNull("stream_duration");
        }
        n.put("source_id", media.queueId());
        n.put("queue_item_id", media.item().queueItemId());
        n.putNull("custom_data");
        n.put("elapsed_time", media.elapsedTime());
        putNullable(n, "elapsed_time_last_updated", media.elapsedTimeLastUpdated());
        return n;
    }

    /**
     * The proxied image URL MA hands to players: stable builds the legacy double-encoded form
     * (size 500), newest the opaque id form (size 512, the closest allowed size).
     */
    String playerImageUrl(Image image) {
        if (profile.legacyImageProxy()) {
            String path = URLEncoder.encode(URLEncoder.encode(image.path(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            return baseUrl + "/imageproxy?provider=" + image.provider() + "&size=500&fmt="
                    + imageFormat(image.path()) + "&path=" + path;
        }
        return baseUrl + "/imageproxy/" + image.proxyId() + "?size=512&fmt=jpeg";
    }

    static String imageFormat(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".svg")) {
            return "svg";
        }
        return lower.endsWith(".png") ? "png" : "jpg";
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
        n.set("current_item", q.currentItem() == null ? NullNode.getInstance()
                : queueItem(q.currentItem(), q.currentIndex()));
        n.set("next_item", q.nextItem() == null ? NullNode.getInstance()
                : queueItem(q.nextItem(), q.nextIndex()));
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
        n.set("media_item", full(media));
        n.set("image", library.thumbOf(media).map(i -> (JsonNode) image(i)).orElse(NullNode.getInstance()));
        n.put("index", index);
        n.put("available", item.available());
        n.putObject("extra_attributes");
        return n;
    }

    /** {@code QueueItem.from_media_item}: "Artist1/Artist2 - Title (version)" for tracks. */
    String queueItemName(MediaItem media) {
        if (media instanceof Track track) {
            String name = artistString(track) + " - " + track.name();
            return track.version().isEmpty() ? name : name + " (" + track.version() + ")";
        }
        return media.name();
    }

    private String artistString(Track track) {
        return library.artistsOf(track.artistIds()).stream().map(Artist::name).collect(Collectors.joining("/"));
    }

    // ---------------------------------------------------------------- helpers

    static ArrayNode strings(List<String> values) {
        ArrayNode list = F.arrayNode();
        values.forEach(list::add);
        return list;
    }

    static void putNullable(ObjectNode n, String key, Object value) {
        switch (value) {
            case null -> n.putNull(key);
            case Integer i -> n.put(key, i);
            case Long l -> n.put(key, l);
            // Python prints floats in plain notation; Jackson would switch to 1.7E9 for doubles
            case Double d -> n.set(key, DecimalNode.valueOf(new BigDecimal(Double.toString(d))));
            case Boolean b -> n.put(key, b);
            case String s -> n.put(key, s);
            default -> throw new IllegalArgumentException("unsupported value " + value.getClass());
        }
    }

    static String iso(Instant instant) {
        return ISO_SECONDS.format(instant) + "+00:00";
    }

    static String isoMicros(Instant instant) {
        return (instant.getNano() == 0 ? ISO_SECONDS.format(instant) : ISO_MICROS.format(instant)) + "+00:00";
    }
}
