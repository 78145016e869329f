package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.error.PyText;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.AlbumType;
import io.musicassistant.alexa.masim.library.ItemInfo;
import io.musicassistant.alexa.masim.library.LibraryEditor;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.models.ModelJson;
import java.util.List;
import java.util.Map;

/**
 * The commands that change the library, with MA's arguments, permissions and errors:
 * {@code music/favorites/add_item|remove_item} and {@code music/library/add_item|remove_item}
 * (controllers/music.py), {@code music/<type>s/update|remove} (controllers/media/base.py).
 * Stable servers let any user run the first four and only admins the last two
 * ({@code required_role="admin"}); newest servers require {@code library.write} and
 * {@code library.manage} (music/controller.py, music/media/base.py).
 */
final class LibraryEditCommands {

    private static final String WRITE = "library.write";
    private static final String MANAGE = "library.manage";
    private static final String ITEM_TYPE = "str | MediaItemType | ItemMapping";
    private static final String ID_TYPE = "str | int";
    private static final String MODELS = "music_assistant_models.media_items.media_item.";

    private final ModelJson json;
    private final LibraryEditor editor;
    private final MediaLookup lookup;

    private LibraryEditCommands(Services services) {
        this.json = services.json();
        this.editor = services.editor();
        this.lookup = new MediaLookup(services.library());
    }

    static void register(CommandRegistry registry, Services services, Map<MediaType, String> bases) {
        LibraryEditCommands c = new LibraryEditCommands(services);
        registry.register("music/favorites/add_item", Access.user(WRITE), c::addFavorite);
        registry.register("music/favorites/remove_item", Access.user(WRITE), c::removeFavorite);
        registry.register("music/library/add_item", Access.user(WRITE), c::addToLibrary);
        registry.register("music/library/remove_item", Access.user(WRITE), c::removeFromLibrary);
        for (Map.Entry<MediaType, String> base : bases.entrySet()) {
            MediaType type = base.getKey();
            String prefix = "music/" + base.getValue();
            registry.register(prefix + "/update", Access.admin(MANAGE), call -> c.update(type, call));
            registry.register(prefix + "/remove", Access.admin(MANAGE), call -> c.remove(type, call));
        }
    }

    /** {@code add_item_to_favorites(item)}: a favourite is always a library item. */
    private Reply addFavorite(Call call) {
        MediaItem item = resolve(call.args().raw("item"));
        editor.setFavorite(item.mediaType(), item.itemId(), true);
        return Reply.none();
    }

    /** {@code remove_item_from_favorites(media_type, library_item_id)}. */
    private Reply removeFavorite(Call call) {
        Args a = call.args();
        MediaType type = a.enumValue("media_type", "MediaType", MediaType::parse);
        String id = idArgument(a, "library_item_id");
        editor.setFavorite(controllerType(type), id, false);
        return Reply.none();
    }

    /**
     * {@code add_item_to_library(item, overwrite_existing)}: the simulator knows no provider
     * catalogue, so the item is always one the library holds; MA matches it by its "library"
     * provider, merges (nothing changes) and announces {@code media_item_updated}.
     */
    private Reply addToLibrary(Call call) {
        Args a = call.args();
        MediaItem item = resolve(a.raw("item"));
        a.bool("overwrite_existing", false);
        return Reply.of(json.full(editor.readd(item)));
    }

    /** {@code remove_item_from_library(media_type, library_item_id, recursive)}: reads the item first. */
    private Reply removeFromLibrary(Call call) {
        Args a = call.args();
        MediaType type = a.enumValue("media_type", "MediaType", MediaType::parse);
        String id = idArgument(a, "library_item_id");
        boolean recursive = a.bool("recursive", true);
        MediaType table = controllerType(type);
        editor.require(table, id);
        editor.remove(table, id, recursive);
        return Reply.none();
    }

    /** {@code music/<type>s/remove}: the controller's {@code remove_item_from_library(item_id, recursive)}. */
    private Reply remove(MediaType type, Call call) {
        Args a = call.args();
        String id = idArgument(a, "item_id");
        boolean recursive = a.bool("recursive", true);
        editor.remove(type, id, recursive);
        return Reply.none();
    }

    /**
     * {@code update_item_in_library(item_id, update, overwrite)}: {@code update} is a whole item
     * of the controller's class. Without {@code overwrite} MA keeps the stored name and sort name
     * and only fills empty fields; with it the update's values win. {@code favorite} is never
     * written by an update. Relations (artists, mappings, metadata) stay as stored here.
     */
    private Reply update(MediaType type, Call call) {
        Args a = call.args();
        String id = idArgument(a, "item_id");
        JsonNode update = itemArgument(a, "update", type);
        boolean overwrite = a.bool("overwrite", false);
        MediaItem current = editor.require(type, id);
        ItemInfo info = current.info();
        if (overwrite) {
            String name = update.path("name").asText();
            JsonNode sortName = update.get("sort_name");
            info = info.withName(name);
            if (sortName != null && sortName.isTextual() && !sortName.asText().isEmpty()) {
                info = info.withSortName(sortName.asText());
            }
            info = info.withVersion(update.path("version").asText(""));
        } else if (info.version().isEmpty() && update.path("version").isTextual()) {
            info = info.withVersion(update.path("version").asText());
        }
        MediaItem changed = current.withInfo(info);
        changed = switch (changed) {
            case Album album -> updatedAlbum(album, update, overwrite);
            case Track track -> updatedTrack(track, update, overwrite);
            default -> changed;
        };
        return Reply.of(json.full(editor.store(changed)));
    }

    private static Album updatedAlbum(Album album, JsonNode update, boolean overwrite) {
        int year = album.year();
        if (update.path("year").isIntegralNumber() && (overwrite || year == 0)) {
            year = update.path("year").intValue();
        }
        // any album type but "unknown" replaces the stored one, with or without overwrite
        AlbumType type = AlbumType.parse(update.path("album_type").asText("unknown"));
        return new Album(
                album.info(),
                year,
                type == AlbumType.UNKNOWN ? album.albumType() : type,
                album.artistIds(),
                album.label(),
                album.trackIds());
    }

    private static Track updatedTrack(Track track, JsonNode update, boolean overwrite) {
        int duration = track.duration();
        if (update.path("duration").isIntegralNumber() && (overwrite || duration == 0)) {
            duration = update.path("duration").intValue();
        }
        return new Track(
                track.info(),
                duration,
                track.artistIds(),
                track.albumId(),
                track.discNumber(),
                track.trackNumber(),
                track.explicit());
    }

    // ---------------------------------------------------------------- argument parsing like helpers/api.py

    /**
     * {@code item: str | MediaItemType | ItemMapping}: a uri is looked up like {@code item_by_uri};
     * an object parses as a media item (with {@code provider_mappings}) or an ItemMapping, and is
     * looked up by {@code (media_type, item_id, provider)} like {@code music/item}.
     */
    private MediaItem resolve(JsonNode value) {
        if (value != null && value.isTextual()) {
            return lookup.byUri(value.asText());
        }
        boolean mapping = value != null
                && value.isObject()
                && value.path("item_id").isTextual()
                && value.path("provider").isTextual()
                && value.path("name").isTextual();
        if (!mapping) {
            throw invalid("item", value, ITEM_TYPE);
        }
        JsonNode type = value.get("media_type");
        MediaType mediaType = type != null && type.isTextual()
                ? MediaType.parse(type.asText())
                // without media_type the first class of MediaItemType that parses wins: Artist
                : value.has("provider_mappings") ? MediaType.ARTIST : MediaType.UNKNOWN;
        return lookup.get(
                mediaType,
                value.path("item_id").asText(),
                value.path("provider").asText());
    }

    /** {@code item_id: str | int} (required). */
    private static String idArgument(Args a, String name) {
        JsonNode value = a.raw(name);
        if (value != null && value.isTextual()) {
            return value.asText();
        }
        if (value != null && (value.isIntegralNumber() || value.isBoolean())) {
            // Python's bool is an int: True → 1
            return value.isBoolean() ? (value.asBoolean() ? "1" : "0") : value.asText();
        }
        if (value != null && value.isFloatingPointNumber()) {
            // parse_arguments' second pass (allow_value_convert) turns a float into an int
            return Long.toString((long) value.doubleValue());
        }
        throw invalid(name, value, ID_TYPE);
    }

    /**
     * {@code update: ItemCls}: an object of the controller's class. A different {@code media_type}
     * is refused before parsing ({@code ValueError("Invalid MediaType")}); a missing required field
     * is mashumaro's {@code MissingField}.
     */
    private static JsonNode itemArgument(Args a, String name, MediaType type) {
        JsonNode value = a.raw(name);
        String cls = switch (type) {
            case ARTIST -> "Artist";
            case ALBUM -> "Album";
            case TRACK -> "Track";
            case PLAYLIST -> "Playlist";
            case RADIO -> "Radio";
            default -> "Genre";
        };
        if (value == null) {
            throw Args.required(name, "<class '" + MODELS + cls + "'>");
        }
        if (!value.isObject()) {
            throw invalid(name, value, "<class '" + MODELS + cls + "'>");
        }
        JsonNode mediaType = value.get("media_type");
        if (mediaType != null && !mediaType.asText().equals(type.value())) {
            throw MaError.builtin("Invalid MediaType");
        }
        for (String field : List.of("item_id", "provider", "name", "provider_mappings")) {
            JsonNode present = value.get(field);
            if (present == null || present.isNull()) {
                String fieldType = field.equals("provider_mappings") ? "set[ProviderMapping]" : "str";
                throw MaError.builtin(
                        "Field \"" + field + "\" of type " + fieldType + " is missing in " + cls + " instance");
            }
        }
        return value;
    }

    /**
     * {@code get_controller(media_type)}: types without a controller raise NotImplementedError;
     * audiobooks and podcasts have one but the simulator's library holds none of them.
     */
    private static MediaType controllerType(MediaType type) {
        return switch (type) {
            case ARTIST, ALBUM, TRACK, PLAYLIST, RADIO, GENRE, AUDIOBOOK, PODCAST -> type;
            case PODCAST_EPISODE -> MediaType.PODCAST;
            default -> throw MaError.builtin("NotImplementedError");
        };
    }

    /** The TypeError parse_value raises when no member of a union parses. */
    private static MaError invalid(String name, JsonNode value, String type) {
        return MaError.builtin("Value " + (value == null ? "None" : PyText.str(value)) + " of type "
                + (value == null ? "<class 'NoneType'>" : PyText.typeOf(value)) + " is invalid for " + name
                + ", expected value of type " + type);
    }
}
