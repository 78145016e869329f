package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.control.voice.VoiceRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.control.voice.VoiceRequests.Answer;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.PlayRequest;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.TransferRequest;
import io.musicassistant.alexa.testing.CloudFixture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which player an intent reaches: a dynamic entity's player id, a forgiving match of the spoken
 * name, the default rules when no room is named, and the "Which room?" question and its answer.
 */
class VoiceRoomsTest {

    static CloudFixture cloud;
    /** One paired home; each test gives it its own players. */
    static VoiceHome house;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create(Map.of("CONTROL_SKILL_ID", VoiceRequests.SKILL_ID));
        house = new VoiceHome(cloud);
    }

    @AfterAll
    static void tearDown() {
        house.close();
    }

    static PlayerAction lastControl(VoiceHome h, int from) {
        List<RelayCommand> commands = h.since(from, "player.control");
        assertEquals(1, commands.size(), commands.toString());
        return RelayJson.convert(commands.getFirst().args(), PlayerAction.class);
    }

    @Test
    void aDynamicEntityIsThePlayerIdItselfAndNeedsNoPlayerList() {
        VoiceHome h = house.with(
                VoiceHome.player("sonos-5", "Sonos Five", PlayerInfo.IDLE),
                VoiceHome.player("kitchen-1", "Kitchen", PlayerInfo.PLAYING));
        int from = h.received().size();
        Answer a = send(
                        cloud,
                        intent("PauseIntent", h.user.token())
                                .dynamicSlot("room", "lounge speaker", "ROOM", "sonos-5", "Sonos Five"))
                .valid();
        assertEquals("Paused the Sonos Five.", a.speech());
        assertEquals(PlayerAction.of("sonos-5", PlayerAction.Action.PAUSE), lastControl(h, from));
        assertEquals(List.of(), h.since(from, "players.list"), "the id came with the request");
    }

    @Test
    void spokenNamesMatchForgivingly() {
        VoiceHome h = house.with(
                VoiceHome.player("kueche", "Küche", PlayerInfo.IDLE),
                VoiceHome.player("wohn", "Wohnzimmer", PlayerInfo.IDLE),
                VoiceHome.player("living", "Living Room", PlayerInfo.IDLE),
                VoiceHome.player("kspeaker", "Kitchen Speaker", PlayerInfo.IDLE),
                VoiceHome.player("bed", "Bedroom", PlayerInfo.IDLE));
        // the leading words dropped are the request's language's: "in der" and "im" are German
        Map<String, String> cases = Map.of(
                "kuche", "kueche",
                "in der küche", "kueche",
                "the living room", "living",
                "livingroom", "living",
                "bedrom", "bed",
                "kitchen", "kspeaker",
                "im wohn zimmer", "wohn");
        Set<String> german = Set.of("in der küche", "im wohn zimmer");
        for (var c : cases.entrySet()) {
            int from = h.received().size();
            String locale = german.contains(c.getKey()) ? "de-DE" : "en-US";
            Answer a = send(
                            cloud,
                            intent("NextIntent", h.user.token()).locale(locale).slot("room", c.getKey()))
                    .valid();
            assertEquals(
                    PlayerAction.of(c.getValue(), PlayerAction.Action.NEXT),
                    lastControl(h, from),
                    c.getKey() + ": " + a);
        }
    }

    @Test
    void aStaticEntityResolutionMatchHelpsWhereTheWordsDoNot() {
        VoiceHome h = house.with(
                VoiceHome.player("living", "Living Room", PlayerInfo.IDLE),
                VoiceHome.player("bed", "Bedroom", PlayerInfo.IDLE));
        int from = h.received().size();
        Answer a = send(
                        cloud,
                        intent("MuteIntent", h.user.token())
                                .staticSlot("room", "lounge", "ROOM", "living_room", "living room"))
                .valid();
        assertEquals("Muted the Living Room.", a.speech());
        assertEquals("living", lastControl(h, from).playerId());
    }

    @Test
    void withoutARoomTheOnlyPlayerIsMeant() {
        VoiceHome h = house.with(VoiceHome.player("solo", "Study", PlayerInfo.IDLE));
        int from = h.received().size();
        assertEquals(
                "Next song in the Study.",
                send(cloud, intent("NextIntent", h.user.token())).valid().speech());
        assertEquals("solo", lastControl(h, from).playerId());
    }

    @Test
    void aPlayingGroupCountsOnceWithItsMembers() {
        VoiceHome h = house.with(
                VoiceHome.player("k", "Kitchen", PlayerInfo.PLAYING),
                VoiceHome.player("l", "Living Room", PlayerInfo.PLAYING),
                VoiceHome.group("down", "Downstairs", PlayerInfo.PLAYING, "k", "l"),
                VoiceHome.player("b", "Bedroom", PlayerInfo.IDLE));
        int from = h.received().size();
        assertEquals(
                "Paused the Downstairs.",
                send(cloud, intent("PauseIntent", h.user.token())).valid().speech());
        assertEquals("down", lastControl(h, from).playerId());
    }

    @Test
    void twoPlayingAsksWhichRoomAndTheAnswerCompletesTheIntent() {
        VoiceHome h = house.with(
                VoiceHome.player("k", "Kitchen", PlayerInfo.PLAYING),
                VoiceHome.player("b", "Bedroom", PlayerInfo.PLAYING));
        int from = h.received().size();
        Answer question = send(cloud, intent("VolumeIntent", h.user.token()).slot("level", "35"))
                .valid();
        assertEquals("Which room?", question.speech());
        assertFalse(question.endsSession());
        assertEquals(List.of(), h.since(from, "player.control"));
        assertEquals(
                "VolumeIntent",
                question.sessionAttributes().path("pending").path("intent").asText());

        Answer done = send(
                        cloud,
                        intent("SelectRoomIntent", h.user.token())
                                .session(question.json())
                                .slot("room", "the bedroom"))
                .valid();
        assertEquals("The Bedroom is at volume 35.", done.speech());
        assertTrue(done.endsSession());
        assertEquals(new PlayerAction("b", PlayerAction.Action.VOLUME_SET, 35, null, null), lastControl(h, from));
        assertTrue(done.sessionAttributes().path("pending").isMissingNode(), "the question is answered");

        Answer stray = send(
                        cloud,
                        intent("SelectRoomIntent", h.user.token())
                                .session(done.json())
                                .slot("room", "kitchen"))
                .valid();
        assertEquals(
                "Sorry, I can't help with that. Say help to hear what I can do.",
                stray.speech(),
                "a room alone, with no question pending, means nothing");
    }

    @Test
    void playWithoutARoomAsksAndPlaysTheQueryInTheAnsweredRoom() {
        VoiceHome h = house.with(
                VoiceHome.player("k", "Kitchen", PlayerInfo.IDLE), VoiceHome.player("b", "Bedroom", PlayerInfo.IDLE));
        Answer question = send(cloud, intent("PlayIntent", h.user.token()).slot("query", "the song paranoid android"))
                .valid();
        assertEquals("Which room?", question.speech());
        int from = h.received().size();
        Answer done = send(
                        cloud,
                        intent("SelectRoomIntent", h.user.token())
                                .session(question.json())
                                .dynamicSlot("room", "kitchen", "ROOM", "k", "Kitchen"))
                .valid();
        assertEquals("Playing Paranoid Android by Radiohead in the Kitchen.", done.speech());
        PlayRequest play =
                RelayJson.convert(h.since(from, "player.play").getFirst().args(), PlayRequest.class);
        assertEquals("k", play.playerId());
        assertEquals(ContentKind.TRACK, play.query().kind());
        assertEquals("paranoid android", play.query().name());
    }

    @Test
    void ambiguousAndUnknownRoomsAreQuestionsNamingTheCandidates() {
        VoiceHome h = house.with(
                VoiceHome.player("ks", "Kitchen Speaker", PlayerInfo.IDLE),
                VoiceHome.player("kd", "Kitchen Display", PlayerInfo.IDLE),
                VoiceHome.player("o", "Office", PlayerInfo.IDLE));
        int from = h.received().size();
        Answer which = send(cloud, intent("PauseIntent", h.user.token()).slot("room", "kitchen"))
                .valid();
        assertEquals("Which room: Kitchen Speaker or Kitchen Display?", which.speech());
        assertFalse(which.endsSession());
        Answer done = send(
                        cloud,
                        intent("SelectRoomIntent", h.user.token())
                                .session(which.json())
                                .slot("room", "kitchen display"))
                .valid();
        assertEquals("Paused the Kitchen Display.", done.speech());
        assertEquals("kd", lastControl(h, from).playerId());

        from = h.received().size();
        Answer unknown = send(cloud, intent("PauseIntent", h.user.token()).slot("room", "garden shed"))
                .valid();
        assertEquals(
                "I don't know a room called garden shed. Your rooms are Kitchen Speaker, Kitchen Display and Office. "
                        + "Which one?",
                unknown.speech());
        assertFalse(unknown.endsSession());
        assertEquals(List.of(), h.since(from, "player.control"));
    }

    @Test
    void moveMusicAsksWhichSourceWhenSeveralPlay() {
        VoiceHome h = house.with(
                VoiceHome.player("k", "Kitchen", PlayerInfo.PLAYING),
                VoiceHome.player("b", "Bedroom", PlayerInfo.PLAYING),
                VoiceHome.player("o", "Office", PlayerInfo.IDLE));
        Answer question = send(cloud, intent("MoveMusicIntent", h.user.token()).slot("room", "office"))
                .valid();
        assertEquals("Music is playing in Kitchen and Bedroom. Which room should I move it from?", question.speech());
        assertEquals(
                "fromRoom",
                question.sessionAttributes().path("pending").path("fill").asText());
        int from = h.received().size();
        Answer done = send(
                        cloud,
                        intent("SelectRoomIntent", h.user.token())
                                .session(question.json())
                                .slot("room", "bedroom"))
                .valid();
        assertEquals("Moved the music from the Bedroom to the Office.", done.speech());
        assertEquals(
                new TransferRequest("b", "o"),
                RelayJson.convert(h.since(from, "player.transfer").getFirst().args(), TransferRequest.class));
    }

    @Test
    void germanRequestsAreAnsweredInGerman() {
        VoiceHome h = house.with(
                VoiceHome.player("kueche", "Küche", PlayerInfo.IDLE),
                VoiceHome.player("wohn", "Wohnzimmer", PlayerInfo.PLAYING));
        int from = h.received().size();
        Answer play = send(
                        cloud,
                        intent("PlayInRoomIntent", h.user.token())
                                .locale("de-DE")
                                .slot("query", "das album ok computer von radiohead")
                                .slot("room", "küche"))
                .valid();
        assertEquals("Ich spiele das Album OK Computer von Radiohead im Raum Küche.", play.speech());
        PlayRequest request =
                RelayJson.convert(h.since(from, "player.play").getFirst().args(), PlayRequest.class);
        assertEquals(ContentKind.ALBUM, request.query().kind());
        assertEquals("ok computer", request.query().name());
        assertEquals("radiohead", request.query().artist());

        assertEquals(
                "Pausiert im Raum Wohnzimmer.",
                send(
                                cloud,
                                intent("PauseIntent", h.user.token())
                                        .locale("de-DE")
                                        .slot("room", "im wohnzimmer"))
                        .valid()
                        .speech());
        assertEquals(
                "Du hast 2 Räume: Küche und Wohnzimmer.",
                send(cloud, intent("ListRoomsIntent", h.user.token()).locale("de-DE"))
                        .valid()
                        .speech());
        assertEquals(
                "Im Raum Wohnzimmer: Paranoid Android von Radiohead.",
                send(cloud, intent("WhatsPlayingIntent", h.user.token()).locale("de-DE"))
                        .valid()
                        .speech());
        Answer unknown = send(
                        cloud,
                        intent("NextIntent", h.user.token()).locale("de-DE").slot("room", "garten"))
                .valid();
        assertEquals(
                "Einen Raum namens garten kenne ich nicht. Deine Räume sind Küche und Wohnzimmer. Welcher soll es sein?",
                unknown.speech());
        assertEquals("In welchem Raum?", unknown.reprompt());
    }

    /** What {@code request} had the home play; exactly one play. */
    static PlayRequest played(VoiceHome h, VoiceRequests.Req request) {
        int from = h.received().size();
        Answer a = send(cloud, request).valid();
        List<RelayCommand> plays = h.since(from, "player.play");
        assertEquals(1, plays.size(), a.toString());
        return RelayJson.convert(plays.getFirst().args(), PlayRequest.class);
    }

    @Test
    void aGermanRoomInsidePlayIntentsQueryIsSplitOffOnlyWhenItNamesAPlayer() {
        VoiceHome h = house.with(
                VoiceHome.player("kueche", "Küche", PlayerInfo.IDLE),
                VoiceHome.player("wohn", "Wohnzimmer", PlayerInfo.PLAYING));
        PlayRequest inKitchen = played(
                h, intent("PlayIntent", h.user.token()).locale("de-DE").slot("query", "die toten hosen in der küche"));
        assertEquals("kueche", inKitchen.playerId());
        assertEquals("die toten hosen", inKitchen.query().name());

        PlayRequest whole =
                played(h, intent("PlayIntent", h.user.token()).locale("de-DE").slot("query", "ein bett im kornfeld"));
        assertEquals("ein bett im kornfeld", whole.query().name(), "no player is called Kornfeld");
        assertEquals("wohn", whole.playerId(), "the one playing");
    }

    @Test
    void britishEnglishIsEnglishAndOtherLocalesFallBackToEnglish() {
        VoiceHome h = house.with(VoiceHome.player("k", "Kitchen", PlayerInfo.IDLE));
        assertEquals(
                "Music Assistant is ready. Say, for example: play Radiohead in the kitchen.",
                send(cloud, VoiceRequests.launch(h.user.token()).locale("en-GB"))
                        .valid()
                        .speech());
        assertEquals(
                "Shuffle is on in the Kitchen.",
                send(cloud, intent("ShuffleOnIntent", h.user.token()).locale("en-GB"))
                        .valid()
                        .speech());
        // nl-NL: a locale Alexa has that we give no answers of its own (fr-FR has French ones now).
        assertEquals(
                "Goodbye.",
                send(cloud, intent("AMAZON.StopIntent", h.user.token()).locale("nl-NL"))
                        .valid()
                        .speech());
    }
}
