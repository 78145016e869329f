package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.control.voice.VoiceRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.control.voice.VoiceRequests.Answer;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.testing.CloudFixture;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Linked accounts by voice against the real cloud side: who may list, remove and unlink, the yes/no
 * question before anything changes, and what goes with a link (its grant).
 */
class VoiceAccountsTest {

    static CloudFixture cloud;
    static HomeDirectory directory;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
        directory = new HomeDirectory(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables());
    }

    static String today() {
        return DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
                .format(Instant.now().atZone(ZoneOffset.UTC));
    }

    /** A home with an owner and a guest linked after it. */
    record Household(CloudFixture.Home home, CloudFixture.User owner, CloudFixture.User guest) {}

    static Household household() throws InterruptedException {
        CloudFixture.User owner = cloud.newUser();
        CloudFixture.User guest = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(owner);
        Thread.sleep(5);
        cloud.pair(home, guest);
        return new Household(home, owner, guest);
    }

    @Test
    void aSingleAccountHearsItIsTheOnlyOne() {
        CloudFixture.User user = cloud.newUser();
        cloud.pairedHome(user);
        Answer a = send(cloud, intent("ListAccountsIntent", user.token())).valid();
        assertEquals(
                "Only your Amazon account is linked to Test Home. You linked it on " + today()
                        + ". To unlink it, say: unlink my home.",
                a.speech());
        assertTrue(a.endsSession());
    }

    @Test
    void theOwnerHearsTheNumberedListAndIsAskedWhichToRemove() throws InterruptedException {
        Household h = household();
        Answer a = send(cloud, intent("ListAccountsIntent", h.owner().token())).valid();
        assertEquals(
                "2 Amazon accounts are linked to Test Home: number 1, that's you, the owner, linked on " + today()
                        + "; number 2, linked on " + today() + ". To remove one, say: remove account, and its number.",
                a.speech());
        assertFalse(a.endsSession());
        Answer guest =
                send(cloud, intent("ListAccountsIntent", h.guest().token())).valid();
        assertTrue(
                guest.speech().contains("number 1, the owner, linked on")
                        && guest.speech().contains("number 2, that's you"),
                guest.speech());
        assertTrue(
                guest.speech()
                        .endsWith(
                                "Only the owner, number one, can remove other accounts. To unlink your own, say: unlink my home."));
    }

    @Test
    void theOwnerRemovesAnAccountOnlyAfterAYes() throws InterruptedException {
        Household h = household();
        cloud.putGrantRow(h.guest());
        Answer asked = send(
                        cloud, intent("RemoveAccountIntent", h.owner().token()).slot("number", "2"))
                .valid();
        assertEquals(
                "Remove account number 2, linked on " + today()
                        + ", from Test Home? It will no longer reach your music." + " Say yes or no.",
                asked.speech());
        assertFalse(asked.endsSession());
        assertFalse(
                asked.sessionAttributes().toString().contains(h.guest().userId()),
                "the session never carries an account id");
        assertEquals(
                Optional.of(h.home().instanceId()),
                directory.linkedInstance(h.guest().userId()),
                "nothing changed yet");

        Answer no = send(cloud, intent("AMAZON.NoIntent", h.owner().token()).session(asked.json()))
                .valid();
        assertEquals("Okay, nothing changed.", no.speech());
        assertEquals(
                Optional.of(h.home().instanceId()),
                directory.linkedInstance(h.guest().userId()));

        Answer done = send(cloud, intent("AMAZON.YesIntent", h.owner().token()).session(asked.json()))
                .valid();
        assertEquals("Done. That account can no longer reach Test Home.", done.speech());
        assertTrue(done.endsSession());
        assertEquals(Optional.empty(), directory.linkedInstance(h.guest().userId()));
        assertFalse(cloud.hasGrant(h.guest()), "its grant went with it");
        assertEquals(
                Optional.of(h.home().instanceId()),
                directory.linkedInstance(h.owner().userId()));

        Answer again = send(cloud, intent("AMAZON.YesIntent", h.owner().token()).session(asked.json()))
                .valid();
        assertEquals(
                "That account is not linked anymore, so nothing changed.",
                again.speech(),
                "a replayed yes does nothing");
    }

    @Test
    void onlyTheOwnerMayRemoveOthersAndNobodyThemselvesThisWay() throws InterruptedException {
        Household h = household();
        Answer guest = send(
                        cloud, intent("RemoveAccountIntent", h.guest().token()).slot("number", "1"))
                .valid();
        assertEquals(
                "Only the owner of Test Home, the account that was linked first, can remove other accounts."
                        + " To unlink your own, say: unlink my home.",
                guest.speech());
        assertEquals(
                Optional.of(h.home().instanceId()),
                directory.linkedInstance(h.owner().userId()));

        // A question made up in the session attributes is checked again on the yes.
        Answer forged = send(
                        cloud,
                        intent("AMAZON.YesIntent", h.guest().token())
                                .session(AnswerJson.withPending(
                                        "RemoveAccountIntent",
                                        Map.of(
                                                "label",
                                                cloud.wiring
                                                        .accounts()
                                                        .list(h.home().instanceId())
                                                        .getFirst()
                                                        .label()))))
                .valid();
        assertTrue(forged.speech().startsWith("Only the owner of Test Home"), forged.speech());
        assertEquals(
                Optional.of(h.home().instanceId()),
                directory.linkedInstance(h.owner().userId()));

        assertEquals(
                "Number one is your own account. To unlink it, say: unlink my home.",
                send(cloud, intent("RemoveAccountIntent", h.owner().token()).slot("number", "1"))
                        .valid()
                        .speech());
        assertEquals(
                "There is no account number 7. 2 accounts are linked.",
                send(cloud, intent("RemoveAccountIntent", h.owner().token()).slot("number", "7"))
                        .valid()
                        .speech());
        Answer which =
                send(cloud, intent("RemoveAccountIntent", h.owner().token())).valid();
        assertTrue(which.speech().startsWith("Which account?"));
        assertFalse(which.endsSession());
    }

    @Test
    void aUserUnlinksTheirHomeAfterAYesAndLosesTheirGrant() throws InterruptedException {
        Household h = household();
        cloud.putGrantRow(h.owner());
        Answer asked =
                send(cloud, intent("UnlinkHomeIntent", h.owner().token())).valid();
        assertTrue(asked.speech().startsWith("Unlink Test Home from your Amazon account?"), asked.speech());
        assertFalse(asked.endsSession());
        Answer done = send(cloud, intent("AMAZON.YesIntent", h.owner().token()).session(asked.json()))
                .valid();
        assertTrue(done.speech().startsWith("Done. Test Home is unlinked from your account."), done.speech());
        assertEquals(Optional.empty(), directory.linkedInstance(h.owner().userId()));
        assertFalse(cloud.hasGrant(h.owner()));
        assertEquals(
                Optional.of(h.home().instanceId()),
                directory.linkedInstance(h.guest().userId()),
                "the others stay");

        Answer list =
                send(cloud, intent("ListAccountsIntent", h.guest().token())).valid();
        assertTrue(
                list.speech().startsWith("Only your Amazon account is linked"),
                "the guest is the owner now: " + list.speech());
        Answer gone = send(cloud, intent("UnlinkHomeIntent", h.owner().token())).valid();
        assertTrue(gone.speech().startsWith("No Music Assistant home is paired"), gone.speech());
    }

    @Test
    void yesAndNoWithoutAQuestionChangeNothing() {
        CloudFixture.User user = cloud.newUser();
        cloud.pairedHome(user);
        assertTrue(send(cloud, intent("AMAZON.YesIntent", user.token()))
                .valid()
                .speech()
                .startsWith("Sorry, I can't help with that."));
        assertTrue(send(cloud, intent("AMAZON.NoIntent", user.token()))
                .valid()
                .speech()
                .startsWith("Sorry, I can't help with that."));
        assertTrue(directory.linkedInstance(user.userId()).isPresent());
    }

    @Test
    void inGerman() throws InterruptedException {
        Household h = household();
        Answer asked = send(cloud, intent("UnlinkHomeIntent", h.guest().token()).locale("de-DE"))
                .valid();
        assertTrue(asked.speech().startsWith("Test Home von deinem Amazon-Konto trennen?"), asked.speech());
        Answer list = send(
                        cloud, intent("ListAccountsIntent", h.owner().token()).locale("de-DE"))
                .valid();
        String heute = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN)
                .format(Instant.now().atZone(ZoneOffset.UTC));
        assertTrue(
                list.speech()
                        .startsWith("Mit Test Home sind 2 Amazon-Konten verknüpft: Nummer 1, das bist du, der Besitzer,"
                                + " verknüpft am " + heute),
                list.speech());
    }

    /** Session attributes as a client could make them up. */
    static final class AnswerJson {
        static com.fasterxml.jackson.databind.JsonNode withPending(String intent, Map<String, String> slots) {
            var root = io.musicassistant.alexa.alexa.AlexaJson.mapper().createObjectNode();
            var pending = root.putObject("sessionAttributes").putObject("pending");
            pending.put("intent", intent).put("fill", "confirm");
            var s = pending.putObject("slots");
            slots.forEach(s::put);
            return root;
        }
    }
}
