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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Spanish and a Brazilian conversation through the whole control skill (relay on ElasticMQ and
 * Moto's DynamoDB): the request's locale picks the language of the answer and of the query words,
 * and repeat modes arrive as the language's own words.
 */
class SpanishPortugueseConversationTest {

    private static CloudFixture cloud;
    private static VoiceHome home;

    @BeforeAll
    static void pairAHome() {
        // Nothing here is about timeouts, and on a loaded machine a fresh JVM's first round trips (SDK
        // clients, the home's first long poll) can outlast the fixture's 3 s (6.5 s is the most the skill allows).
        cloud = CloudFixture.create(Map.of("CONTROL_SKILL_ID", VoiceRequests.SKILL_ID, "RELAY_TIMEOUT_MS", "6500"));
        home = new VoiceHome(cloud);
        send(cloud, intent("ListRoomsIntent", home.user.token())); // warms those paths; its answer is not checked
    }

    @AfterAll
    static void closeTheHome() {
        home.close();
    }

    private static String say(VoiceRequests.Req request) {
        return send(cloud, request).valid().speech();
    }

    /** Asserts the answer to {@code request} and returns the command of that name it sent to the home. */
    private static <T> T answers(String answer, VoiceRequests.Req request, String command, Class<T> type) {
        int from = home.received().size();
        assertEquals(answer, say(request));
        return RelayJson.convert(home.since(from, command).getLast().args(), type);
    }

    /** {@code intent} in {@code locale} with one slot besides the room. */
    private static VoiceRequests.Req inRoom(String intent, String locale, String slot, String value, String room) {
        return intent(intent, home.user.token())
                .locale(locale)
                .slot(slot, value)
                .slot("room", room);
    }

    private static List<Object> sent(PlayRequest play) {
        return List.of(play.query().kind(), play.query().name(), play.query().artist());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es-MX | Cocina  | Salón | el álbum ok computer de radiohead       | cocina  | Reproduciendo el álbum OK Computer de Radiohead en Cocina. | ALBUM | ok computer      | radiohead | desactivada | salón | Repetición desactivada en Salón. | off
            es-ES | Cocina  | Salón | la canción paranoid android de radiohead | cocina | Reproduciendo Paranoid Android de Radiohead en Cocina.     | TRACK | paranoid android | radiohead | esta canción | salón | Repitiendo esta canción en Salón. | one
            pt-BR | Cozinha | Sala  | a música paranoid android do radiohead  | cozinha | Tocando Paranoid Android, de Radiohead, em Cozinha.        | TRACK | paranoid android | radiohead | tudo        | sala  | Repetindo tudo em Sala.          | all
            """)
    void playAndRepeatInTheLanguageOfTheLocale(
            String locale,
            String idleRoom,
            String playingRoom,
            String query,
            String room,
            String playAnswer,
            ContentKind kind,
            String name,
            String artist,
            String modeWord,
            String repeatRoom,
            String repeatAnswer,
            String mode) {
        home.with(
                VoiceHome.player("idle", idleRoom, PlayerInfo.IDLE),
                VoiceHome.player("playing", playingRoom, PlayerInfo.PLAYING));
        PlayRequest play = answers(
                playAnswer, inRoom("PlayInRoomIntent", locale, "query", query, room), "player.play", PlayRequest.class);
        assertEquals(List.of(kind, name, artist), sent(play));
        PlayerAction repeat = answers(
                repeatAnswer,
                inRoom("RepeatIntent", locale, "mode", modeWord, repeatRoom),
                "player.control",
                PlayerAction.class);
        assertEquals(mode, repeat.repeat());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es-ES | Cocina  | radiohead en la cocina | Reproduciendo Radiohead en Cocina.
            es-US | Sala    | radiohead en sala      | Reproduciendo Radiohead en Sala.
            pt-BR | Cozinha | radiohead na cozinha   | Tocando Radiohead em Cozinha.
            """)
    void aRoomLeftInThePlayQueryIsSplitOff(String locale, String room, String query, String answer) {
        home.with(
                VoiceHome.player("room", room, PlayerInfo.IDLE),
                VoiceHome.player("other", "Garaje", PlayerInfo.PLAYING));
        PlayRequest play = answers(
                answer,
                intent("PlayIntent", home.user.token()).locale(locale).slot("query", query),
                "player.play",
                PlayRequest.class);
        assertEquals("radiohead", play.query().name(), query);
        assertEquals("room", play.playerId(), query);
    }

    @Test
    void welcomeRoomsAndTheDefaultRoomSpeakTheLanguage() {
        home.with(
                VoiceHome.player("coc", "Cocina", PlayerInfo.IDLE),
                VoiceHome.player("sal", "Sala", PlayerInfo.PLAYING));
        String token = home.user.token();
        assertEquals(
                "Music Assistant está listo. Di, por ejemplo: pon Radiohead en la cocina.",
                say(VoiceRequests.launch(token).locale("es-US")));
        assertEquals(
                "Tienes 2 habitaciones: Cocina y Sala.",
                say(intent("ListRoomsIntent", token).locale("es-ES")));
        assertEquals(
                "Música pausada em Sala.",
                say(intent("PauseIntent", token).locale("pt-BR")),
                "the playing room, when none is named");
    }
}
