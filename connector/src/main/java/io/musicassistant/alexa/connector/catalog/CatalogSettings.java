package io.musicassistant.alexa.connector.catalog;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What the library export sends, and how soon after a change (connector/README.md, docs/security.md).
 *
 * @param enabled {@code CATALOG_EXPORT}: export the library at all (default on: without it Alexa
 *     learns no names from this home)
 * @param playlists {@code CATALOG_PLAYLISTS}: include playlist names (default off: users name playlists
 *     after people, places and moods, and the names leave the home)
 * @param radios {@code CATALOG_RADIOS}: include radio station names (default on)
 * @param debounce {@code CATALOG_DEBOUNCE_S}: quiet time after Music Assistant's last library event
 *     before a new export (default 60 s: a sync adds items in bursts)
 */
public record CatalogSettings(boolean enabled, boolean playlists, boolean radios, Duration debounce) {

    public static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(60);

    public CatalogSettings {
        if (debounce.toSeconds() < 5 || debounce.toSeconds() > 86_400) {
            throw new IllegalArgumentException("CATALOG_DEBOUNCE_S must be 5..86400 seconds");
        }
    }

    public static CatalogSettings defaults() {
        return new CatalogSettings(true, false, true, DEFAULT_DEBOUNCE);
    }

    /** From the connector's merged settings (environment, options.json, connector.properties). */
    public static CatalogSettings load(Map<String, String> settings) {
        String debounce = settings.getOrDefault("CATALOG_DEBOUNCE_S", Long.toString(DEFAULT_DEBOUNCE.toSeconds()))
                .strip();
        if (!debounce.matches("\\d{1,6}")) {
            throw new IllegalArgumentException("CATALOG_DEBOUNCE_S must be a whole number of seconds");
        }
        return new CatalogSettings(
                flag(settings, "CATALOG_EXPORT", true),
                flag(settings, "CATALOG_PLAYLISTS", false),
                flag(settings, "CATALOG_RADIOS", true),
                Duration.ofSeconds(Long.parseLong(debounce)));
    }

    private static boolean flag(Map<String, String> settings, String key, boolean fallback) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false");
        };
    }
}
