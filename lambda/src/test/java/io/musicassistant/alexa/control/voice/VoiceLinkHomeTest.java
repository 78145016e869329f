package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.control.voice.VoiceRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.control.voice.VoiceRequests.Answer;
import io.musicassistant.alexa.control.voice.handlers.LinkHomeIntentHandler;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import io.musicassistant.alexa.relayapi.RelayApi;
import io.musicassistant.alexa.testing.CloudFixture;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Link my home with code …": real pairing codes from the relay API, wrong codes, and the per-account limit. */
class VoiceLinkHomeTest {

    static CloudFixture cloud;
    static HomeDirectory directory;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
        directory = new HomeDirectory(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables());
    }

    static String issueCode(CloudFixture.Home home) {
        return RelayJson.read(
                        cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/pairing-code", home.secret(), null)
                                .body(),
                        PairingCode.class)
                .code();
    }

    /** The code as AMAZON.NUMBER delivers it: a number, so without leading zeros. */
    static String asNumber(String code) {
        return Long.toString(Long.parseLong(code));
    }

    @Test
    void theConnectorsCodeLinksTheHomeToTheAccount() {
        CloudFixture.Home home = cloud.registerHome();
        CloudFixture.User user = cloud.newUser();
        Answer a = send(cloud, intent("LinkHomeIntent", user.token()).slot("code", asNumber(issueCode(home))))
                .valid();
        assertEquals("Done. Your home Test Home is now linked. Try saying: play some music.", a.speech());
        assertTrue(a.endsSession());
        assertEquals(Optional.of(home.instanceId()), directory.linkedInstance(user.userId()));
    }

    @Test
    void inGermanToo() {
        CloudFixture.Home home = cloud.registerHome();
        CloudFixture.User user = cloud.newUser();
        Answer a = send(
                        cloud,
                        intent("LinkHomeIntent", user.token()).locale("de-DE").slot("code", asNumber(issueCode(home))))
                .valid();
        assertEquals("Fertig. Dein Zuhause Test Home ist jetzt verknüpft. Sag zum Beispiel: spiele Musik.", a.speech());
        assertEquals(Optional.of(home.instanceId()), directory.linkedInstance(user.userId()));
    }

    @Test
    void aWrongCodeLinksNothingAndAMissingCodeIsAskedFor() {
        CloudFixture.Home home = cloud.registerHome();
        String code = issueCode(home);
        String wrong = code.equals("12345678") ? "87654321" : "12345678";
        CloudFixture.User user = cloud.newUser();
        Answer a = send(cloud, intent("LinkHomeIntent", user.token()).slot("code", wrong))
                .valid();
        assertTrue(a.speech().startsWith("That code didn't work."), a.speech());
        assertEquals(Optional.empty(), directory.linkedInstance(user.userId()));
        for (String heard : new String[] {"123456789", "abc"}) {
            assertTrue(
                    send(cloud, intent("LinkHomeIntent", user.token()).slot("code", heard))
                            .valid()
                            .speech()
                            .startsWith("That code didn't work."),
                    heard);
        }
        Answer ask = send(cloud, intent("LinkHomeIntent", user.token())).valid();
        assertTrue(ask.speech().startsWith("Tell me the eight digit code"), ask.speech());
        assertFalse(ask.endsSession());
        Answer unheard = send(cloud, intent("LinkHomeIntent", user.token()).slot("code", "?"))
                .valid();
        assertFalse(unheard.endsSession(), "a code Alexa did not understand is asked for again");
    }

    @Test
    void linkingNeedsALinkedAccount() {
        CloudFixture.Home home = cloud.registerHome();
        Answer a = send(cloud, intent("LinkHomeIntent", null).slot("code", asNumber(issueCode(home))))
                .valid();
        assertTrue(a.linkAccountCard());
    }

    @Test
    void claimsAreLimitedPerAccountLikeTheRelayApi() {
        CloudFixture.Home home = cloud.registerHome();
        CloudFixture.User user = cloud.newUser();
        for (int i = 0; i < RelayApi.CLAIMS_PER_USER.limit(); i++) {
            Answer a = send(cloud, intent("LinkHomeIntent", user.token()).slot("code", "1111111" + (i % 10)))
                    .valid();
            assertTrue(a.speech().startsWith("That code didn't work."), i + ": " + a.speech());
        }
        Answer limited = send(cloud, intent("LinkHomeIntent", user.token()).slot("code", asNumber(issueCode(home))))
                .valid();
        assertEquals("That's too many tries. Please wait a while before trying another code.", limited.speech());
        assertEquals(
                Optional.empty(), directory.linkedInstance(user.userId()), "even the right code waits out the limit");
        assertEquals(
                429,
                cloud.relay("POST", "/v1/pairings", user.token(), Map.of("code", issueCode(home)))
                        .status(),
                "voice and relay API share the account's limit");
    }

    @Test
    void leadingZerosAreRestored() {
        assertEquals(Optional.of("01234567"), LinkHomeIntentHandler.code("1234567"));
        assertEquals(Optional.of("00000042"), LinkHomeIntentHandler.code("42"));
        assertEquals(Optional.of("12345678"), LinkHomeIntentHandler.code("1234 5678"));
        assertEquals(Optional.of("12345678"), LinkHomeIntentHandler.code("1234-5678"));
        assertEquals(Optional.empty(), LinkHomeIntentHandler.code("123456789"));
        assertEquals(Optional.empty(), LinkHomeIntentHandler.code("12ab5678"));
        assertEquals(Optional.empty(), LinkHomeIntentHandler.code("-1234567"));
    }
}
