package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.control.voice.VoiceRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.voice.VoiceRequests.Answer;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.testing.CloudFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The voice model reads strictly too: no trailing garbage, no scalar of the wrong type, no text SQS refuses. */
class VoiceStrictInputTest {

    static final String REFUSAL = "Sorry, I couldn't understand that request.";

    static CloudFixture cloud;
    static VoiceHome house;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create(Map.of("CONTROL_SKILL_ID", VoiceRequests.SKILL_ID));
        house = new VoiceHome(cloud, VoiceHome.player("k", "Kitchen", PlayerInfo.PLAYING));
    }

    @AfterAll
    static void tearDown() {
        house.close();
    }

    /** Through the control skill's one entry point, as Alexa calls it. */
    static Answer viaEndpoint(String body) {
        try {
            return new Answer(AlexaJson.mapper()
                    .readTree(cloud.wiring.controlSkill().handle(body.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameRequestIsAnsweredUntilSomethingFollowsIt() {
        String pause = intent("PauseIntent", house.user.token())
                .slot("room", "kitchen")
                .json();
        assertEquals("Paused the Kitchen.", viaEndpoint(pause).valid().speech());
        for (String trailing : List.of(" x", "{}", "]", "1")) {
            Answer a = viaEndpoint(pause + trailing).valid();
            assertEquals(REFUSAL, a.speech(), trailing);
            assertEquals(
                    REFUSAL,
                    send(cloud, (pause + trailing).getBytes(StandardCharsets.UTF_8))
                            .valid()
                            .speech());
        }
    }

    @Test
    void scalarsOfTheWrongTypeAreRefusedNotCoerced() {
        ObjectNode numericSlot = intent("PauseIntent", house.user.token())
                .slot("room", "kitchen")
                .tree();
        ((ObjectNode) numericSlot.path("request").path("intent").path("slots").path("room")).put("value", 42);
        ObjectNode textFlag = intent("PauseIntent", house.user.token()).tree();
        textFlag.with("session").put("new", "true");
        ObjectNode numericLocale = intent("PauseIntent", house.user.token()).tree();
        numericLocale.with("request").put("locale", 7);
        for (ObjectNode bad : List.of(numericSlot, textFlag, numericLocale)) {
            assertEquals(REFUSAL, viaEndpoint(bad.toString()).valid().speech(), bad.toString());
        }
    }

    @Test
    void textSqsRefusesIsRefusedBeforeTheHomeIsAsked() {
        String play =
                intent("PlayIntent", house.user.token()).slot("query", "@@").json();
        for (String bad : List.of("radiohead\\uD800", "radio\\uFFFFhead", "radio\\u0002head")) {
            Answer a = viaEndpoint(play.replace("@@", bad)).valid();
            assertEquals(REFUSAL, a.speech(), bad);
        }
        assertTrue(viaEndpoint(play.replace("@@", "sigur rós")).valid().speech().length() > 0);
    }
}
