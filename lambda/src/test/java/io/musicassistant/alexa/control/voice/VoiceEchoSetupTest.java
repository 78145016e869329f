package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.control.voice.VoiceRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.control.voice.VoiceRequests.Answer;
import io.musicassistant.alexa.platform.Config;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.testing.CloudFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Echo players (issue 16) in the voice model: EchoSetupIntent speaks the routine's exact words in
 * the user's language, and Echo players are never rooms. Through the real VoiceSkill and relay.
 */
class VoiceEchoSetupTest {

    static CloudFixture cloud;
    static VoiceHome house;
    /** A second home of another user, without Echo players. */
    static VoiceHome bare;

    static PlayerInfo echo(String id, String name) {
        return new PlayerInfo(
                id, name, PlayerInfo.TYPE_ECHO, true, true, null, null, PlayerInfo.IDLE, List.of(), List.of(), null);
    }

    @BeforeAll
    static void setUp() {
        // A loaded machine can take more than the usual 3 s for a relay round trip.
        cloud = CloudFixture.create(Map.of(
                "CONTROL_SKILL_ID",
                VoiceRequests.SKILL_ID,
                "RELAY_TIMEOUT_MS",
                String.valueOf(Config.MAX_RELAY_TIMEOUT_MS)));
        house = new VoiceHome(
                cloud,
                VoiceHome.player("kitchen-1", "Kitchen", PlayerInfo.PLAYING),
                echo("echo-kitchen", "Kitchen Echo (Alexa)"),
                echo("echo-office", "Office Echo (Alexa)"));
        // The first round trip through the emulators warms the JVM; on a loaded machine it can outlast the relay
        // timeout.
        send(cloud, VoiceRequests.launch(house.user.token()));
        bare = new VoiceHome(cloud, VoiceHome.player("den-1", "Den", PlayerInfo.IDLE));
        send(cloud, VoiceRequests.launch(bare.user.token()));
    }

    @AfterAll
    static void tearDown() {
        bare.close();
        house.close();
    }

    @Test
    void theSetupNamesTheTriggerOpensAndTheCustomActionInEnglish() {
        Answer a = send(cloud, intent("EchoSetupIntent", house.user.token())).valid();
        assertTrue(a.speech().startsWith("To set up Kitchen Echo: in the Alexa app, add a routine."), a.speech());
        assertTrue(a.speech().contains("Smart Home, then Kitchen Echo play request, then Opens"), a.speech());
        assertTrue(a.speech().contains("type: play Kitchen Echo on Music Assistant."), a.speech());
        assertTrue(a.speech().endsWith("Do the same for Office Echo."), a.speech());
    }

    @Test
    void theCustomActionIsInTheLocalesLanguageAndTheTriggerKeepsItsDeviceName() {
        Answer de = send(cloud, intent("EchoSetupIntent", house.user.token()).locale("de-DE"))
                .valid();
        assertTrue(de.speech().contains("Kitchen Echo play request, dann Öffnet"), de.speech());
        assertTrue(de.speech().contains("spiele Kitchen Echo auf Music Assistant"), de.speech());
        Answer ja = send(cloud, intent("EchoSetupIntent", house.user.token()).locale("ja-JP"))
                .valid();
        assertTrue(ja.speech().contains("ミュージックアシスタントでKitchen Echoを再生して"), ja.speech());
    }

    @Test
    void echoPlayersAreNoRooms() {
        Answer rooms =
                send(cloud, intent("ListRoomsIntent", house.user.token())).valid();
        assertEquals("You have one room: Kitchen.", rooms.speech());
        assertFalse(String.valueOf(rooms.roomEntityIds()).contains("echo-"), String.valueOf(rooms.roomEntityIds()));
    }

    @Test
    void aHomeWithoutEchoPlayersIsToldToNameThemFirst() {
        Answer a = send(cloud, intent("EchoSetupIntent", bare.user.token())).valid();
        assertTrue(a.speech().startsWith("You have no Echo players yet."), a.speech());
    }
}
