package io.musicassistant.alexa.connector.players;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.slimproto.EchoMac;
import io.musicassistant.alexa.connector.slimproto.VirtualPlayers;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Music Assistant's Player model (music_assistant_models/player.py) into {@link PlayerInfo}.
 * Tolerates both generations: {@code playback_state} or the legacy {@code state}, {@code name} or
 * {@code display_name}, {@code group_members} or {@code group_childs}.
 */
public final class MaPlayers {

    private MaPlayers() {}

    public static PlayerInfo read(JsonNode p) {
        if (EchoMac.isEcho(p)) {
            return echo(p);
        }
        String state = p.path("playback_state").asText(p.path("state").asText(PlayerInfo.IDLE));
        boolean group = "group".equals(p.path("type").asText());
        // A group has no volume of its own (volume_level is null): MA derives group_volume and
        // group_volume_muted from its powered members, and the group_volume commands act on those.
        JsonNode volume = group && hasValue(p, "group_volume") ? p.get("group_volume") : p.get("volume_level");
        JsonNode muted =
                group && hasValue(p, "group_volume_muted") ? p.get("group_volume_muted") : p.get("volume_muted");
        return new PlayerInfo(
                p.path("player_id").asText(),
                p.path("name")
                        .asText(p.path("display_name")
                                .asText(p.path("player_id").asText())),
                p.path("type").asText("player"),
                p.path("available").asBoolean(false),
                // MA serialises a missing power state as true for players without power control
                p.path("powered").asBoolean(true),
                volume == null || volume.isNull() ? null : volume.asInt(),
                muted == null || muted.isNull() ? null : muted.asBoolean(),
                normalise(state),
                strings(p.path("supported_features")),
                strings(p.has("group_members") ? p.path("group_members") : p.path("group_childs")),
                nowPlaying(p.path("current_media")));
    }

    /**
     * An Echo device's player (issue 16): type {@code echo}, named as the user named the Echo (MA
     * shows "Kitchen Echo (Alexa)"), and without features: MA's Squeezelite provider declares power,
     * volume and pause for every Slimproto player, but Amazon offers no API to do any of them to an
     * Echo. The cloud makes it a routine trigger, never a speaker.
     */
    private static PlayerInfo echo(JsonNode p) {
        String name = p.path("name")
                .asText(p.path("display_name").asText(p.path("player_id").asText()));
        String state = p.path("playback_state").asText(p.path("state").asText(PlayerInfo.IDLE));
        return new PlayerInfo(
                p.path("player_id").asText(),
                name.endsWith(EchoMac.NAME_SUFFIX)
                        ? name.substring(0, name.length() - EchoMac.NAME_SUFFIX.length())
                        : name,
                PlayerInfo.TYPE_ECHO,
                p.path("available").asBoolean(false),
                true,
                null,
                null,
                normalise(state),
                List.of(),
                List.of(),
                nowPlaying(p.path("current_media")));
    }

    /**
     * Whether a player should be offered to Alexa at all: disabled and hidden players are not, nor
     * the connector's own virtual players (in case MA could not be told to hide them).
     */
    public static boolean offered(JsonNode p) {
        return p.path("enabled").asBoolean(true)
                && !p.path("hide_in_ui").asBoolean(false)
                && !"protocol".equals(p.path("type").asText())
                && !VirtualPlayers.isVirtual(p);
    }

    private static String normalise(String state) {
        return switch (state) {
            case PlayerInfo.PLAYING, PlayerInfo.PAUSED -> state;
            default -> PlayerInfo.IDLE;
        };
    }

    private static PlayerInfo.NowPlaying nowPlaying(JsonNode media) {
        if (!media.isObject() || media.path("title").asText("").isEmpty()) {
            return null;
        }
        return new PlayerInfo.NowPlaying(
                media.path("title").asText(),
                text(media, "artist"),
                text(media, "album"),
                text(media, "uri"),
                text(media, "image_url"));
    }

    /** A text field, or null when missing, null or blank (MA sends "" for a station's artist and album). */
    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isBlank() ? null : value;
    }

    private static boolean hasValue(JsonNode node, String field) {
        return node.hasNonNull(field);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
