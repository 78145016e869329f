package io.musicassistant.alexa.masim.library;

import java.util.List;

/** A library genre (schema 29+). Genres are library-only: no provider mappings. */
public record Genre(ItemInfo info, List<String> aliases) implements MediaItem {

    public Genre {
        aliases = List.copyOf(aliases);
    }

    @Override
    public MediaType mediaType() {
        return MediaType.GENRE;
    }

    @Override
    public Genre withInfo(ItemInfo newInfo) {
        return new Genre(newInfo, aliases);
    }

    /** MA's default-genre translation slug (models' {@code Genre.__post_init__}). */
    public String translationKey() {
        String slug = Names.removeDiacritics(name().strip())
                .replace("&", "_and_")
                .replace(" ", "_")
                .replace("-", "_");
        return slug.replaceAll("[^a-z0-9_]", "");
    }
}
