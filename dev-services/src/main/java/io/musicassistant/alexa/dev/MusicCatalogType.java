package io.musicassistant.alexa.dev;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The six music catalog types SMAPI accepts for a music skill, each with its {@code usage} and the
 * entity fields Amazon's catalog reference allows on it (shared/reference/alexa-catalogs.md, the
 * field table). SMAPI knows two more types ({@code AMAZON.TerrestrialRadioChannel},
 * {@code AMAZON.AudioRecording}); the stand-in refuses them because it has no schema to check them
 * against and the project never uploads them.
 */
public enum MusicCatalogType {
    MUSIC_GROUP("AMAZON.MusicGroup"),
    MUSIC_ALBUM("AMAZON.MusicAlbum", "languageOfContent", "releaseType", "artists"),
    MUSIC_RECORDING("AMAZON.MusicRecording", "languageOfContent", "releaseType", "artists", "albums"),
    MUSIC_PLAYLIST("AMAZON.MusicPlaylist"),
    GENRE("AMAZON.Genre"),
    BROADCAST_CHANNEL(
            "AMAZON.BroadcastChannel", "languageOfContent", "channelId", "callSign", "frequency", "ownedAndOperated");

    private final String type;
    private final Set<String> entityFields;

    MusicCatalogType(String type, String... ownFields) {
        this.type = type;
        Set<String> fields = new LinkedHashSet<>(Common.FIELDS);
        fields.addAll(Arrays.asList(ownFields));
        this.entityFields = Set.copyOf(fields);
    }

    /** Fields every entity type may carry (the table's "all" rows); a holder, as enum constructors cannot read the enum's statics. */
    static final class Common {
        static final Set<String> FIELDS =
                Set.of("id", "names", "popularity", "lastUpdatedTime", "locales", "alternateNames", "deleted");

        private Common() {}
    }

    /** {@code AMAZON.MusicGroup} and so on, as in a document's and a catalog's {@code type}. */
    public String type() {
        return type;
    }

    /** The only {@code usage} SMAPI pairs with this type: {@code AlexaMusic.Catalog.<Suffix>}. */
    public String usage() {
        return "AlexaMusic.Catalog." + type.substring("AMAZON.".length());
    }

    /** Every field an entity of this type may have. */
    public Set<String> entityFields() {
        return entityFields;
    }

    public static Optional<MusicCatalogType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
