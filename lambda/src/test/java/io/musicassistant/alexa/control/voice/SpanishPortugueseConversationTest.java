package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.control.voice.VoiceRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.PlayRequest;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.testing.CloudFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Spanish and a Brazilian conversation through the whole control skill (relay on ElasticMQ and
 * Moto's DynamoDB): the request's locale picks the language of the answer and of the query words,
 * and repeat modes arrive as the language's own words.
 */
class SpanishPortugueseConversationTest {

    static CloudFixture cloud;
    static VoiceHome house;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create(Map.of("CONTROL_SKILL_ID", VoiceRequests.SKILL_ID));
        house = new VoiceHome(cloud);
        // The first round trip of a fresh JVM (SDK clients, the home's first long poll) can outlast the
        // skill's reply timeout on a loaded machine; the answers under test come after it.
        send(cloud, intent("ListRoomsIntent", house.user.token()));
    }

    @AfterAll
    static void tearDown() {
        house.close();
    }

    private static String say(VoiceRequests.Req request) {
        return send(cloud, request).valid().speech();
    }

    private static PlayRequest lastPlay(int from) {
        return RelayJson.convert(house.since(from, "player.play").getLast().args(), PlayRequest.class);
    }

    private static PlayerAction lastControl(int from) {
        return RelayJson.convert(house.since(from, "player.control").getLast().args(), PlayerAction.class);
    }

    @Test
    void spanishRequestsAreAnsweredInSpanish() {
        VoiceHome h = house.with(
                VoiceHome.player("coc", "Cocina", PlayerInfo.IDLE),
                VoiceHome.player("sal", "Salón", PlayerInfo.PLAYING));
        String token = h.user.token();
        assertEquals(
                "Music Assistant está listo. Di, por ejemplo: pon Radiohead en la cocina.",
                say(VoiceRequests.launch(token).locale("es-US")));
        int from = h.received().size();
        assertEquals(
                "Reproduciendo el álbum OK Computer de Radiohead en Cocina.",
                say(intent("PlayInRoomIntent", token)
                        .locale("es-MX")
                        .slot("query", "el álbum ok computer de radiohead")
                        .slot("room", "cocina")));
        PlayRequest play = lastPlay(from);
        assertEquals(
                List.of(ContentKind.ALBUM, "ok computer", "radiohead"),
                List.of(play.query().kind(), play.query().name(), play.query().artist()));
        assertEquals(
                "Repetición desactivada en Salón.",
                say(intent("RepeatIntent", token)
                        .locale("es-ES")
                        .slot("mode", "desactivada")
                        .slot("room", "salón")));
        assertEquals("off", lastControl(from).repeat());
        assertEquals(
                "Tienes 2 habitaciones: Cocina y Salón.",
                say(intent("ListRoomsIntent", token).locale("es-ES")));
    }

    @Test
    void brazilianRequestsAreAnsweredInPortuguese() {
        VoiceHome h = house.with(
                VoiceHome.player("coz", "Cozinha", PlayerInfo.IDLE),
                VoiceHome.player("sala", "Sala", PlayerInfo.PLAYING));
        String token = h.user.token();
        int from = h.received().size();
        assertEquals(
                "Tocando Paranoid Android, de Radiohead, em Cozinha.",
                say(intent("PlayInRoomIntent", token)
                        .locale("pt-BR")
                        .slot("query", "a música paranoid android do radiohead")
                        .slot("room", "cozinha")));
        PlayRequest play = lastPlay(from);
        assertEquals(
                List.of(ContentKind.TRACK, "paranoid android", "radiohead"),
                List.of(play.query().kind(), play.query().name(), play.query().artist()));
        assertEquals(
                "Repetindo esta música em Sala.",
                say(intent("RepeatIntent", token)
                        .locale("pt-BR")
                        .slot("mode", "esta música")
                        .slot("room", "sala")));
        assertEquals("one", lastControl(from).repeat());
        assertEquals(
                "Música pausada em Sala.",
                say(intent("PauseIntent", token).locale("pt-BR")),
                "the playing room, when none is named");
    }
}
