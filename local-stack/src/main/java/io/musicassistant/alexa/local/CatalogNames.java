package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.SmapiStandIn;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Alexa's language understanding does with a name said to a music skill, as far as the skill
 * can see it: the name is matched against the catalogs the skill uploaded, and the request carries
 * the matching entity's {@code entityId}, never the words; a name no catalog holds never reaches the
 * skill (shared/reference/alexa-catalogs.md, "No catalog match ⇒ skill not invoked"). Matching here
 * is exact after folding case, accents and punctuation, over names and alternate names; Alexa's own
 * recognition is fuzzier, which the routine's fixed phrase does not need.
 */
final class CatalogNames {

    /**
     * Catalog types in the order a name found in several is taken (Alexa does not document its
     * choice; playlists first, as an Echo's entity is a playlist-like queue).
     */
    private static final List<String> TYPES = List.of(
            "AMAZON.MusicPlaylist",
            "AMAZON.MusicAlbum",
            "AMAZON.MusicGroup",
            "AMAZON.MusicRecording",
            "AMAZON.BroadcastChannel",
            "AMAZON.Genre");

    private CatalogNames() {}

    /** An entity Alexa recognised: the GetPlayableContent attribute type and the catalog's id. */
    record Entity(String attributeType, String entityId, String name) {}

    static Optional<Entity> resolve(SmapiStandIn smapi, String skillId, String spoken) {
        String wanted = fold(spoken);
        Map<String, String> catalogs = smapi.skillCatalogs(skillId);
        for (String type : TYPES) {
            for (Map.Entry<String, String> catalog : catalogs.entrySet()) {
                if (!catalog.getValue().equals(type)) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> entity :
                        smapi.entities(catalog.getKey()).entrySet()) {
                    if (matches(entity.getValue(), wanted)) {
                        return Optional.of(new Entity(
                                attributeType(type),
                                entity.getKey(),
                                entity.getValue()
                                        .path("names")
                                        .path(0)
                                        .path("value")
                                        .asText()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(JsonNode entity, String wanted) {
        for (JsonNode name : entity.path("names")) {
            if (fold(name.path("value").asText()).equals(wanted)) {
                return true;
            }
        }
        for (JsonNode alternates : entity.path("alternateNames")) {
            for (JsonNode value : alternates.path("values")) {
                if (fold(value.asText()).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The attribute type of GetPlayableContent's selection criteria for a catalog type. */
    static String attributeType(String catalogType) {
        return switch (catalogType) {
            case "AMAZON.MusicGroup" -> "ARTIST";
            case "AMAZON.MusicAlbum" -> "ALBUM";
            case "AMAZON.MusicRecording" -> "TRACK";
            case "AMAZON.MusicPlaylist" -> "PLAYLIST";
            case "AMAZON.Genre" -> "GENRE";
            case "AMAZON.BroadcastChannel" -> "STATION";
            default -> throw new IllegalArgumentException("not a music catalog type: " + catalogType);
        };
    }

    static String fold(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
