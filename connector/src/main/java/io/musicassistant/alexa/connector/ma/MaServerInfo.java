package io.musicassistant.alexa.connector.ma;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The first frame Music Assistant sends on every WebSocket connection (mass.py get_server_info,
 * music_assistant_models/api.py ServerInfoMessage).
 */
public record MaServerInfo(
        String serverId,
        String serverVersion,
        int schemaVersion,
        int minSupportedSchemaVersion,
        String baseUrl,
        boolean onboardDone) {

    /** Authentication became mandatory with schema 28 (MA 2.7); older servers accept commands at once. */
    public static final int FIRST_SCHEMA_WITH_AUTH = 28;
    /** Genres as media items and filters arrived with schema 29 (MA 2.8). */
    public static final int FIRST_SCHEMA_WITH_GENRES = 29;

    public static MaServerInfo from(JsonNode frame) {
        return new MaServerInfo(
                frame.path("server_id").asText(""),
                frame.path("server_version").asText(""),
                frame.path("schema_version").asInt(0),
                frame.path("min_supported_schema_version").asInt(0),
                frame.path("base_url").asText(frame.path("internal_url").asText("")),
                frame.path("onboard_done").asBoolean(true));
    }

    public boolean requiresAuth() {
        return schemaVersion >= FIRST_SCHEMA_WITH_AUTH;
    }

    public boolean hasGenres() {
        return schemaVersion >= FIRST_SCHEMA_WITH_GENRES;
    }
}
