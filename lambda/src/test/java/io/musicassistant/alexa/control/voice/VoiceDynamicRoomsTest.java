package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.control.voice.VoiceRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.control.voice.VoiceRequests.Answer;
import io.musicassistant.alexa.platform.Config;
import io.musicassistant.alexa.relay.protocol.PlayRequest;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.SmartHomeDirectives;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user's players as dynamic entities of slot type ROOM: pushed when the player list was fetched
 * (launch, or a turn that needed it), once a session unless the players change, within Amazon's
 * limits; and read back from a request in the shape Amazon documents, classic or {@code slotValue}.
 */
class VoiceDynamicRoomsTest {

    static final String FIXTURE = "Custom.IntentRequest.PlayInRoom.json";
    static CloudFixture cloud;
    static VoiceHome house;

    @BeforeAll
    static void setUp() {
        // The longest budget Config allows: these answers list up to 150 players on a shared machine.
        cloud = CloudFixture.create(Map.of(
                "CONTROL_SKILL_ID",
                VoiceRequests.SKILL_ID,
                "RELAY_TIMEOUT_MS",
                String.valueOf(Config.MAX_RELAY_TIMEOUT_MS)));
        house = new VoiceHome(cloud);
        // The first round trip through the emulators warms the JVM; on a loaded machine it can outlast the relay
        // timeout.
        send(cloud, VoiceRequests.launch(house.user.token()));
    }

    @AfterAll
    static void tearDown() {
        house.close();
    }

    static Intent intentOf(JsonNode request) {
        RequestEnvelope envelope = new JacksonSerializer().deserialize(request.toString(), RequestEnvelope.class);
        return ((IntentRequest) envelope.getRequest()).getIntent();
    }

    /** The ROOM directive of an answer, or null. */
    static JsonNode roomDirective(Answer a) {
        for (JsonNode d : a.json().path("response").path("directives")) {
            if ("Dialog.UpdateDynamicEntities".equals(d.path("type").asText())) {
                return d;
            }
        }
        return null;
    }

    @Test
    void aDynamicMatchInAmazonsShapeIsReadFromTheClassicFieldsAndFromSlotValue() {
        ObjectNode request = SmartHomeDirectives.fixture(FIXTURE);
        Intent classic = intentOf(request);
        Slots.Entity kitchen = new Slots.Entity("ma#sonos_kitchen", "Küche");
        assertEquals(Optional.of(kitchen), Slots.dynamicMatch(classic, "room"));
        assertEquals(Optional.empty(), Slots.staticMatch(classic, "room"), "the model's own ROOM did not match");
        assertEquals(Optional.empty(), Slots.dynamicMatch(classic, "query"), "MUSIC_QUERY matched statically only");
        assertEquals(
                "die beatles", Slots.staticMatch(classic, "query").orElseThrow().name());

        ObjectNode room = (ObjectNode) request.at("/request/intent/slots/room");
        room.remove("value");
        room.remove("resolutions");
        Intent newer = intentOf(request);
        assertEquals(Optional.of(kitchen), Slots.dynamicMatch(newer, "room"), "slotValue alone");
        assertEquals(Optional.of("küche"), Slots.value(newer, "room"));

        ((ObjectNode) room.at("/slotValue/resolutions/resolutionsPerAuthority/1/status"))
                .put("code", "ER_SUCCESS_NO_MATCH");
        assertEquals(Optional.empty(), Slots.dynamicMatch(intentOf(request), "room"), "no match is no match");
    }

    @Test
    void theDocumentedRequestReachesThePlayerByItsDynamicIdWithoutListingThePlayers() {
        VoiceHome h = house.with(
                VoiceHome.player("ma#sonos_kitchen", "Küche", PlayerInfo.IDLE),
                VoiceHome.player("ma#squeezelite_office", "Büro", PlayerInfo.PLAYING));
        ObjectNode request = SmartHomeDirectives.fixture(FIXTURE);
        for (String at : List.of("/session/application", "/context/System/application")) {
            ((ObjectNode) request.at(at)).put("applicationId", VoiceRequests.SKILL_ID);
        }
        for (String at : List.of("/session/user", "/context/System/user")) {
            ((ObjectNode) request.at(at)).put("accessToken", h.user.token());
        }
        int from = h.received().size();
        Answer a =
                send(cloud, request.toString().getBytes(StandardCharsets.UTF_8)).valid();
        PlayRequest play =
                RelayJson.convert(h.since(from, "player.play").getFirst().args(), PlayRequest.class);
        assertEquals("ma#sonos_kitchen", play.playerId(), a.toString());
        assertEquals(List.of(), h.since(from, "players.list"), "the id came with the request");
        assertNull(roomDirective(a), "nothing listed, nothing to teach");
    }

    @Test
    void launchTeachesThePlayerNamesWithSpokenSynonymsOnceASession() {
        VoiceHome h = house.with(
                VoiceHome.player("living", "Living_Room", PlayerInfo.IDLE),
                VoiceHome.player("ks", "KitchenSonos", PlayerInfo.IDLE),
                VoiceHome.player("bad", "Bad (oben)", PlayerInfo.IDLE),
                VoiceHome.player("office", "Office", PlayerInfo.IDLE));
        Answer launch = send(cloud, VoiceRequests.launch(h.user.token())).valid();
        JsonNode directive = roomDirective(launch);
        assertTrue(directive != null, launch.toString());
        assertEquals("REPLACE", directive.path("updateBehavior").asText(), launch.toString());
        assertEquals(1, directive.path("types").size());
        JsonNode type = directive.path("types").path(0);
        assertEquals("ROOM", type.path("name").asText(), "the models' slot type");
        List<String> entities = new ArrayList<>();
        type.path("values")
                .forEach(v -> entities.add(v.path("id").asText() + "="
                        + v.path("name").path("value").asText() + " "
                        + v.path("name").path("synonyms")));
        assertEquals(
                List.of(
                        "living=Living_Room [\"Living Room\"]",
                        "ks=KitchenSonos [\"Kitchen Sonos\"]",
                        "bad=Bad (oben) [\"Bad\"]",
                        "office=Office "),
                entities);
        assertFalse(directive.toString().contains(h.user.token()), "no token in the directive");

        Answer next = send(cloud, intent("ListRoomsIntent", h.user.token()).session(launch.json()))
                .valid();
        assertNull(roomDirective(next), "the session already knows these players");

        h.with(VoiceHome.player("living", "Lounge", PlayerInfo.IDLE));
        Answer changed = send(cloud, intent("ListRoomsIntent", h.user.token()).session(next.json()))
                .valid();
        assertEquals(List.of("living=Lounge"), changed.roomEntityIds(), "a renamed player is taught again");
    }

    @Test
    void manyPlayersWithLongNamesStayWithinAmazonsLimits() {
        PlayerInfo[] players = IntStream.range(0, 150)
                .mapToObj(i -> VoiceHome.player(
                        "media_player." + "x".repeat(200) + i,
                        "Lautsprecher \"Ü\" " + "ä".repeat(70) + i,
                        PlayerInfo.IDLE))
                .toArray(PlayerInfo[]::new);
        VoiceHome h = house.with(players);
        Answer launch = send(cloud, VoiceRequests.launch(h.user.token())).valid();
        JsonNode values = roomDirective(launch).path("types").path(0).path("values");
        int bytes = roomDirective(launch).toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(values.size() > 10 && values.size() < RoomEntities.MAX_ENTITIES, values.size() + " entities");
        assertTrue(bytes <= RoomEntities.MAX_BYTES, bytes + " bytes of entities");
        assertTrue(launch.json().toString().getBytes(StandardCharsets.UTF_8).length < 24 * 1024);

        VoiceHome many = house.with(IntStream.range(0, 150)
                .mapToObj(i -> VoiceHome.player("p" + i, "Room " + i, PlayerInfo.IDLE))
                .toArray(PlayerInfo[]::new));
        assertEquals(
                RoomEntities.MAX_ENTITIES,
                send(cloud, VoiceRequests.launch(many.user.token()))
                        .valid()
                        .roomEntityIds()
                        .size());
    }
}
