package io.musicassistant.alexa.connector.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading Music Assistant media items (music_assistant_models/media_items). Full items, slim
 * "summary" items (newest servers' library_items default) and ItemMappings are all read by the same
 * code: every field but item_id, provider, name, media_type and uri may be missing. Public for the
 * catalog export, which must name items exactly as the resolver does (their content ids must match).
 */
public final class MaItems {

    private MaItems() {}

    public static String name(JsonNode item) {
        return item.path("name").asText("");
    }

    /** Track titles as shown: the name plus its version, "Karma Police (Live)". */
    static String title(JsonNode item) {
        String version = item.path("version").asText("");
        return version.isBlank() ? name(item) : name(item) + " (" + version + ")";
    }

    static String uri(JsonNode item) {
        return item.path("uri").asText("");
    }

    static boolean isLibrary(JsonNode item) {
        return "library".equals(item.path("provider").asText());
    }

    static boolean playable(JsonNode item) {
        return item.path("is_playable").asBoolean(true)
                && item.path("available").asBoolean(true);
    }

    static boolean explicit(JsonNode item) {
        return item.path("metadata").path("explicit").asBoolean(false);
    }

    public static List<String> artistNames(JsonNode item) {
        List<String> names = new ArrayList<>();
        for (JsonNode artist : item.path("artists")) {
            String n = artist.path("name").asText("");
            if (!n.isBlank()) {
                names.add(n);
            }
        }
        return names;
    }

    public static String albumName(JsonNode item) {
        JsonNode album = item.path("album");
        return album.isObject() && !album.path("name").asText("").isBlank()
                ? album.path("name").asText()
                : null;
    }

    /** Duration in milliseconds, or null when unknown (MA sends 0 or null for live radio). */
    public static Long durationMs(JsonNode item) {
        double seconds = item.path("duration").asDouble(0);
        return seconds > 0 ? Math.round(seconds * 1000) : null;
    }

    /** The cover: the first thumb of the item's images, else its album's image. */
    static JsonNode cover(JsonNode item) {
        for (JsonNode image : item.path("metadata").path("images")) {
            if ("thumb".equals(image.path("type").asText("thumb"))) {
                return image;
            }
        }
        JsonNode albumImage = item.path("album").path("image");
        if (albumImage.isObject()) {
            return albumImage;
        }
        JsonNode own = item.path("image");
        return own.isObject() ? own : null;
    }
}
