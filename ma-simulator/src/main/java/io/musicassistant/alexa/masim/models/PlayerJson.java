package io.musicassistant.alexa.masim.models;

import static io.musicassistant.alexa.masim.models.JsonValues.F;
import static io.musicassistant.alexa.masim.models.JsonValues.putNullable;
import static io.musicassistant.alexa.masim.models.JsonValues.strings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.library.Artist;
import io.musicassistant.alexa.masim.library.Image;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.player.PlaybackState;
import io.musicassistant.alexa.masim.player.PlayerDevice;
import io.musicassistant.alexa.masim.player.PlayerState;
import io.musicassistant.alexa.masim.player.PlayerView;
import io.musicassistant.alexa.masim.profile.Profile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** MA's {@code Player} model ({@code player.py}) and the {@code PlayerMedia} it carries. */
final class PlayerJson {

    static final String MASS_LOGO_ONLINE =
            "https://github.com/music-assistant/server/blob/dev/music_assistant/logo.png";

    private final Profile profile;
    private final Library library;
    private final String baseUrl;
    private final MediaItemJson mediaItems;

    PlayerJson(Profile profile, Library library, String baseUrl, MediaItemJson mediaItems) {
        this.profile = profile;
        this.library = library;
        this.baseUrl = baseUrl;
        this.mediaItems = mediaItems;
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
        d.deviceInfo().identifiers().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
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
        n.set(
                "current_media",
                view.currentMedia() == null ? NullNode.getInstance() : currentMedia(view.currentMedia()));
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
        boolean outputActive =
                p.playbackState() != PlaybackState.IDLE && !d.outputProtocols().isEmpty();
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

    /** {@code PlayerMedia} as MA's {@code player_media_from_queue_item} fills it. */
    private ObjectNode currentMedia(PlayerView.CurrentMedia media) {
        MediaItem item = media.item().mediaItem();
        ObjectNode n = F.objectNode();
        n.put("uri", item.uri());
        n.put("media_type", item.mediaType().value());
        n.put("title", item.name());
        String artist = item instanceof Track track ? mediaItems.artistString(track) : "";
        n.put("artist", artist);
        String album = item instanceof Track track
                ? library.album(track.albumId()).map(MediaItem::name).orElse("")
                : "";
        n.put("album", album);
        if (profile == Profile.NEWEST) {
            n.put(
                    "album_artist",
                    item instanceof Track track
                            ? library.album(track.albumId())
                                    .flatMap(a -> library.artistsOf(a.artistIds()).stream()
                                            .findFirst())
                                    .map(Artist::name)
                                    .orElse(null)
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
            String path =
                    URLEncoder.encode(URLEncoder.encode(image.path(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            return baseUrl + "/imageproxy?provider=" + image.provider() + "&size=500&fmt=" + imageFormat(image.path())
                    + "&path=" + path;
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
}
