package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fallback for a room inside PlayIntent's free-form query, per language: the words after a
 * room preposition are the room only when they name a player as it is called (or a part of its
 * name); titles that merely contain "in the …" stay whole.
 */
class VoiceRoomTailTest {

    static List<PlayerInfo> players(String... names) {
        return Arrays.stream(names)
                .map(n -> VoiceHome.player(n.toLowerCase(java.util.Locale.ROOT), n, PlayerInfo.IDLE))
                .toList();
    }

    static final List<PlayerInfo> ENGLISH = players("Kitchen", "Living Room", "Bedroom", "Merlin", "Sonos Move");
    static final List<PlayerInfo> GERMAN = players("Küche", "Wohnzimmer", "Balkon", "Bad", "Terrasse");

    static String split(String spoken, List<PlayerInfo> players) {
        return RoomTail.split(spoken, () -> players)
                .map(s -> s.query() + " | " + s.room())
                .orElse("whole");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', textBlock = """
            radiohead in the kitchen                    = radiohead | Kitchen
            radiohead in kitchen                        = radiohead | Kitchen
            songs in the key of life in the living room = songs in the key of life | Living Room
            the album live in berlin in the bedroom     = the album live in berlin | Bedroom
            jazz on the sonos move                      = jazz | Sonos Move
            jazz on sonos move                          = jazz | Sonos Move
            jazz in the living                          = jazz | Living Room
            some jazz in the Kitchen.                   = some jazz | Kitchen
            in the air tonight                          = whole
            music in the air                            = whole
            dancing in the dark                         = whole
            live in berlin                              = whole
            live in merlin's garden                     = whole
            live in merlyn                              = whole
            radiohead in the kitchen speaker            = whole
            radiohead                                   = whole
            """)
    void english(String spoken, String expected) {
        assertEquals(expected, split(spoken.replace(".", ""), ENGLISH), spoken);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', textBlock = """
            radiohead im wohnzimmer              = radiohead | Wohnzimmer
            die toten hosen in der küche         = die toten hosen | Küche
            die toten hosen in der kuche         = die toten hosen | Küche
            jazz auf dem balkon                  = jazz | Balkon
            jazz auf der terrasse                = jazz | Terrasse
            musik im bad                         = musik | Bad
            das album mensch von grönemeyer im wohn zimmer = das album mensch von grönemeyer | Wohnzimmer
            ein bett im kornfeld                 = whole
            live in berlin                       = whole
            über sieben brücken musst du gehn    = whole
            tanz auf dem vulkan                  = whole
            """)
    void german(String spoken, String expected) {
        assertEquals(expected, split(spoken, GERMAN), spoken);
    }

    static final List<PlayerInfo> ROOM_FIRST = players("キッチン", "リビング", "Kitchen", "Bedroom");

    @ParameterizedTest
    @CsvSource(delimiter = '=', textBlock = """
            キッチンでレディオヘッド                  = レディオヘッド | キッチン
            リビングのスピーカーで米津玄師             = 米津玄師 | リビング
            リビングにあいみょん                     = あいみょん | リビング
            ひこうき雲で                             = whole
            東京で会いましょう                        = whole
            kitchen में arijit singh                 = arijit singh | Kitchen
            bedroom वाले speaker पर lata mangeshkar   = lata mangeshkar | Bedroom
            dil में hai                              = whole
            """)
    void japaneseAndHindiSayTheRoomFirst(String spoken, String expected) {
        assertEquals(expected, split(spoken, ROOM_FIRST), spoken);
    }

    @Test
    void aPlayerCalledLikeTheEndOfATitleTakesItAsTheRoom() {
        // The decision (docs/decisions.md): a room the user named their player is the room.
        assertEquals("live | Berlin", split("live in berlin", players("Kitchen", "Berlin")));
        assertEquals("dancing | Dark Room", split("dancing in the dark", players("Dark Room")));
        // ... but only by its name or a part of it: neither a near spelling nor a longer phrase.
        assertEquals("whole", split("live in berlin", players("Merlin")));
        assertEquals("whole", split("live in berlin philharmonic", players("Berlin")));
    }

    @Test
    void severalFittingPlayersLeaveTheSpokenRoomForTheQuestion() {
        assertEquals("jazz | kitchen", split("jazz in the kitchen", players("Kitchen Speaker", "Kitchen Display")));
    }

    @Test
    void thePlayersAreListedOnlyWhenThereIsAPreposition() {
        assertEquals(Optional.empty(), RoomTail.split("radiohead", () -> {
            throw new AssertionError("listed the players for a query without a preposition");
        }));
    }
}
