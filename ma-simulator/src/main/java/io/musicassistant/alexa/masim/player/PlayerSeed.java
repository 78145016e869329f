package io.musicassistant.alexa.masim.player;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads seed/players.json (MA's snake_case keys) into the hub. */
final class PlayerSeed {

    private static final String RESOURCE = "/io/musicassistant/alexa/masim/seed/players.json";

    private PlayerSeed() {}

    static void load(Library library, PlayerHub hub) {
        JsonNode root;
        try (InputStream in = PlayerSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("seed resource missing: " + RESOURCE);
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double now = hub.now();
        for (JsonNode node : root.path("players")) {
            PlayerDevice device = new PlayerDevice(
                    node.path("player_id").asText(),
                    node.path("provider").asText(),
                    PlayerType.parse(node.path("type").asText()),
                    deviceInfo(node.path("device_info")),
                    list(node.path("supported_features"), n -> PlayerFeature.parse(n.asText())),
                    list(node.path("static_group_members"), JsonNode::asText),
                    list(node.path("can_group_with"), JsonNode::asText),
                    list(node.path("source_list"), PlayerSeed::source),
                    node.path("power_control").asText("none"),
                    node.path("volume_control").asText("none"),
                    node.path("mute_control").asText("none"),
                    list(node.path("output_protocols"), PlayerSeed::outputProtocol));
            JsonNode queue = node.path("queue");
            List<MediaItem> queueMedia = new ArrayList<>();
            Integer currentIndex = null;
            Double elapsed = null;
            String activeSource = null;
            String enqueuedName = null;
            if (queue.isObject()) {
                enqueuedName = queue.path("album").asText();
                queueMedia.addAll(library.albumTracks(
                        library.albumNamed(queue.path("album").asText()).itemId()));
                currentIndex = queue.path("current_index").asInt();
                elapsed = queue.path("elapsed_time").asDouble();
                activeSource = device.playerId();
            }
            PlayerState state = new PlayerState(
                    device,
                    node.path("name").asText(),
                    node.path("available").asBoolean(),
                    PlaybackState.parse(node.path("playback_state").asText("idle")),
                    elapsed,
                    elapsed == null ? null : now,
                    nullableBoolean(node.path("powered")),
                    node.path("volume_level").isNumber()
                            ? node.path("volume_level").asInt()
                            : null,
                    nullableBoolean(node.path("volume_muted")),
                    list(node.path("group_members"), JsonNode::asText),
                    null,
                    activeSource,
                    null,
                    true,
                    false);
            hub.addPlayer(state, queueMedia, currentIndex, enqueuedName);
        }
    }

    private static PlayerDevice.DeviceInfo deviceInfo(JsonNode node) {
        Map<String, String> identifiers = new LinkedHashMap<>();
        node.path("identifiers")
                .properties()
                .forEach(e -> identifiers.put(e.getKey(), e.getValue().asText()));
        return new PlayerDevice.DeviceInfo(
                node.path("model").asText("Unknown model"),
                node.path("manufacturer").asText("Unknown Manufacturer"),
                nullableText(node.path("software_version")),
                nullableText(node.path("model_id")),
                nullableText(node.path("manufacturer_id")),
                identifiers);
    }

    private static PlayerDevice.Source source(JsonNode node) {
        return new PlayerDevice.Source(
                node.path("id").asText(),
                node.path("name").asText(),
                node.path("passive").asBoolean(),
                node.path("can_play_pause").asBoolean(),
                node.path("can_seek").asBoolean(),
                node.path("can_next_previous").asBoolean());
    }

    private static PlayerDevice.OutputProtocol outputProtocol(JsonNode node) {
        return new PlayerDevice.OutputProtocol(
                node.path("output_protocol_id").asText(),
                node.path("name").asText(),
                node.path("protocol_domain").asText(),
                node.path("is_native").asBoolean(),
                node.path("priority").asInt(100),
                node.path("available").asBoolean(true));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> mapper) {
        List<T> result = new ArrayList<>();
        for (JsonNode node : array) {
            result.add(mapper.apply(node));
        }
        return result;
    }

    private static Boolean nullableBoolean(JsonNode node) {
        return node.isBoolean() ? node.asBoolean() : null;
    }

    private static String nullableText(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
