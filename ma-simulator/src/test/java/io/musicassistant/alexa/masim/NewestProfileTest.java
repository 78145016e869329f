package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.WsTestClient.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins what the NEWEST profile does differently (schema 77): keys, generic details, scopes, summaries. */
class NewestProfileTest {

    private static MaSimulator ma;

    @BeforeAll
    static void start() {
        ma = MaSimulator.start(MaSimulator.Options.defaults().withProfile(Profile.NEWEST));
    }

    @AfterAll
    static void stop() {
        ma.close();
    }

    @Test
    void serverInfoHasTheSchema32Urls() {
        try (WsTestClient client = WsTestClient.connect(ma.wsUrl())) {
            JsonNode info = client.nextFrame();
            assertEquals(
                    List.of(
                            "server_id",
                            "server_version",
                            "schema_version",
                            "min_supported_schema_version",
                            "base_url",
                            "homeassistant_addon",
                            "onboard_done",
                            "name",
                            "status",
                            "internal_url",
                            "external_url",
                            "has_remote_access"),
                    ProtocolConformanceTest.fieldNames(info));
            assertEquals(77, info.path("schema_version").asInt());
            assertEquals(info.path("base_url"), info.path("internal_url"));
        }
    }

    @Test
    void errorDetailsAreTheGenericEnglishSentences() {
        try (WsTestClient client = WsTestClient.connect(ma.wsUrl())) {
            client.nextFrame();
            assertEquals(
                    "Invalid or unsupported command.",
                    client.call("nope", null).path("details").asText());
            assertEquals(
                    "Authentication is required.",
                    client.call("info", null).path("details").asText());
            JsonNode bad = client.call("auth", args("token", "not-a-jwt"));
            assertEquals(23, bad.path("error_code").asInt());
            assertEquals(
                    "The access token is invalid or has expired.",
                    bad.path("details").asText());
            client.call("auth", args("token", ma.userToken()));
            JsonNode missing = client.call("music/item_by_uri", args("uri", "library://track/999999"));
            assertEquals(2, missing.path("error_code").asInt());
            assertEquals(
                    "The requested media item could not be found.",
                    missing.path("details").asText());
            JsonNode keyError = client.call("player_queues/shuffle", args("queue_id", "nope", "shuffle_enabled", true));
            assertEquals("'nope'", keyError.path("details").asText(), "non-MA errors keep their text");
        }
    }

    @Test
    void permissionsFollowScopes() {
        try (WsTestClient user = WsTestClient.authenticated(ma, ma.userToken());
                WsTestClient guest = WsTestClient.authenticated(ma, ma.guestToken())) {
            JsonNode denied = user.call("auth/users", null);
            assertEquals(22, denied.path("error_code").asInt());
            assertEquals(
                    "You do not have permission to perform this action.",
                    denied.path("details").asText());
            assertTrue(guest.call("music/artists/count", null).path("result").asInt() > 0, "guest has library.read");
            assertTrue(guest.call("player_queues/all", null).has("result"), "guest has queues.read");
        }
    }

    @Test
    void libraryItemsAreSummariesByDefaultAndFullOnRequest() {
        try (WsTestClient client = WsTestClient.authenticated(ma, ma.userToken())) {
            JsonNode summary = client.call("music/tracks/library_items", args("limit", 5))
                    .path("result")
                    .get(0);
            assertTrue(summary.path("available").asBoolean());
            assertFalse(summary.has("date_added"), "None fields are omitted from summaries");
            assertFalse(summary.has("position"));
            assertFalse(summary.path("metadata").has("description"));
            JsonNode full = client.call("music/tracks/library_items", args("limit", 5, "summary", false))
                    .path("result")
                    .get(0);
            assertTrue(full.has("date_added") && full.has("position"));
            assertFalse(full.has("available"));
            assertTrue(full.has("audio_metadata"));
            assertFalse(full.has("translation_key"), "newest strips translation keys on output");
            JsonNode image = full.path("metadata").path("images").get(0);
            assertEquals(64, image.path("proxy_id").asText().length(), "newest fills proxy_id for every image");
        }
    }

    @Test
    void seekWithoutFeatureKeeps9OnNewest() {
        try (MaSimulator own = MaSimulator.start(MaSimulator.Options.defaults().withProfile(Profile.NEWEST));
                WsTestClient client = WsTestClient.authenticated(own, own.userToken())) {
            own.updatePlayer("ap7a3c91d0e2f4", p -> p.withActiveSource("airplay_receiver"));
            JsonNode reply = client.call("players/cmd/seek", args("player_id", "ap7a3c91d0e2f4", "position", 30));
            assertEquals(9, reply.path("error_code").asInt());
            assertEquals("This feature is not supported.", reply.path("details").asText());
        }
    }

    @Test
    void playerAndQueueUseTheNewestModelShape() {
        try (WsTestClient client = WsTestClient.authenticated(ma, ma.adminToken())) {
            JsonNode player = client.call("players/get", args("player_id", "RINCON_48A6B8C1D2E301400"))
                    .path("result");
            assertEquals("speaker", player.path("icon").asText());
            assertTrue(player.has("sleep_timer_expires_at")
                    && player.path("current_media").has("album_artist"));
            JsonNode queue = client.call("player_queues/get", args("queue_id", "RINCON_48A6B8C1D2E301400"))
                    .path("result");
            assertTrue(queue.has("autoplay_enabled") && queue.has("dont_stop_the_music_enabled"));
            assertEquals(0, queue.path("radio_source").size());
            assertTrue(client.call("music/search", args("search_query", "rock"))
                    .path("result")
                    .has("sound_effects"));
        }
    }
}
