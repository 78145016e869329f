package io.musicassistant.alexa.connector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.ConnectorConfig;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export's settings: on by default, playlists off by default, read like every other setting. */
class CatalogSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsExportEverythingButPlaylists() {
        CatalogSettings defaults = CatalogSettings.load(Map.of());
        assertEquals(CatalogSettings.defaults(), defaults);
        assertTrue(defaults.enabled());
        assertFalse(defaults.playlists(), "playlist names can be personal: opt in");
        assertTrue(defaults.radios());
        assertEquals(Duration.ofSeconds(60), defaults.debounce());
    }

    @Test
    void settingsAreReadAsFlagsAndSeconds() {
        CatalogSettings set = CatalogSettings.load(Map.of(
                "CATALOG_EXPORT",
                "off",
                "CATALOG_PLAYLISTS",
                "TRUE",
                "CATALOG_RADIOS",
                "0",
                "CATALOG_DEBOUNCE_S",
                "300"));
        assertEquals(new CatalogSettings(false, true, false, Duration.ofSeconds(300)), set);
        assertThrows(IllegalArgumentException.class, () -> CatalogSettings.load(Map.of("CATALOG_PLAYLISTS", "maybe")));
        assertThrows(IllegalArgumentException.class, () -> CatalogSettings.load(Map.of("CATALOG_DEBOUNCE_S", "1")));
        assertThrows(IllegalArgumentException.class, () -> CatalogSettings.load(Map.of("CATALOG_DEBOUNCE_S", "soon")));
    }

    @Test
    void theAddOnsOptionsReachTheExportAndTheEnvironmentWins() throws Exception {
        Files.writeString(dir.resolve("options.json"), """
                {"ma_url": "http://music-assistant:8095", "ma_token": "t", "catalog_playlists": true,
                 "catalog_radios": false, "catalog_debounce_s": 120}""");
        ConnectorConfig config = ConnectorConfig.load(Map.of("STATE_DIR", dir.toString(), "CATALOG_RADIOS", "true"));
        assertEquals(new CatalogSettings(true, true, true, Duration.ofSeconds(120)), config.catalog());
        CatalogExport export =
                new CatalogExport(null, config.catalog(), dir, "home-x", (file, request) -> {}, Clock.systemUTC());
        assertEquals(
                List.of(
                        ContentKind.ARTIST,
                        ContentKind.ALBUM,
                        ContentKind.TRACK,
                        ContentKind.PLAYLIST,
                        ContentKind.RADIO,
                        ContentKind.GENRE),
                export.kinds());
    }
}
